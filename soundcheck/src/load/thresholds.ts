import { LoadConfigError, parseDuration } from './durations.ts';
import type { ThresholdRule, Thresholds } from './types.ts';

export type Aggregation =
  | { kind: 'avg' | 'min' | 'max' | 'med' | 'count' | 'rate' }
  | { kind: 'percentile'; percentile: number };

export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '===' | '!=';

export type MetricName =
  | 'http_req_duration'
  | 'http_req_service_duration'
  | 'http_req_failed'
  | 'http_reqs'
  | 'iterations'
  | 'dropped_iterations';

/** A parsed threshold: `metric{name:…}` and `aggregation op value [over window]`. */
export interface Threshold {
  metricKey: string;
  rule: string;
  metric: MetricName;
  name: string | null;
  aggregation: Aggregation;
  comparison: Comparison;
  value: number;
  windowSeconds: number | null;
  abortOnFail: boolean;
  delayAbortEvalMs: number;
}

const AGGREGATIONS: Record<MetricName, readonly string[]> = {
  http_req_duration: ['avg', 'min', 'max', 'med', 'percentile'],
  http_req_service_duration: ['avg', 'min', 'max', 'med', 'percentile'],
  http_req_failed: ['rate'],
  http_reqs: ['count', 'rate'],
  iterations: ['count', 'rate'],
  dropped_iterations: ['count', 'rate'],
};

const RULE =
  /^\s*(avg|min|max|med|count|rate|p\(\s*(\d+(?:\.\d+)?)\s*\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*(?:over\s+(\S+))?\s*$/;

const help = "e.g. 'http_req_duration{name:GET /v1/releases/{id}}': ['p(95)<50', 'p(99)<200 over 10s']";

function parseKey(key: string): { metric: MetricName; name: string | null } {
  const brace = key.indexOf('{');
  const metric = (brace < 0 ? key : key.slice(0, brace)).trim();
  if (!(metric in AGGREGATIONS))
    throw new LoadConfigError(
      `threshold metric "${metric}" is unknown; use one of ${Object.keys(AGGREGATIONS).join(', ')}`,
    );
  if (brace < 0) return { metric: metric as MetricName, name: null };
  if (!key.trimEnd().endsWith('}'))
    throw new LoadConfigError(`threshold "${key}": the tag filter must end with "}"; ${help}`);
  const tag = key.slice(brace + 1, key.trimEnd().length - 1);
  const colon = tag.indexOf(':');
  if (colon < 0 || tag.slice(0, colon).trim() !== 'name')
    throw new LoadConfigError(`threshold "${key}": only the {name:…} tag is supported; ${help}`);
  return { metric: metric as MetricName, name: tag.slice(colon + 1).trim() };
}

/** One rule of one metric; throws a `LoadConfigError` naming the fix when it does not parse. */
export function parseThreshold(metricKey: string, rule: ThresholdRule): Threshold {
  const { metric, name } = parseKey(metricKey);
  const text = typeof rule === 'string' ? rule : rule.threshold;
  const match = typeof text === 'string' ? RULE.exec(text) : null;
  if (!match)
    throw new LoadConfigError(
      `threshold "${String(text)}" of ${metricKey} does not parse; write aggregation, comparison, number, e.g. p(95)<50, rate<0.01, count>0, optionally "over 10s"`,
    );
  const [, aggregationText = '', percentileText, comparison, valueText, windowText] = match;
  const aggregation: Aggregation = percentileText
    ? { kind: 'percentile', percentile: Number(percentileText) }
    : { kind: aggregationText as 'avg' };
  if (aggregation.kind === 'percentile' && aggregation.percentile > 100)
    throw new LoadConfigError(`threshold "${text}": a percentile is at most p(100)`);
  if (!AGGREGATIONS[metric].includes(aggregation.kind))
    throw new LoadConfigError(
      `threshold "${text}": ${metric} takes ${AGGREGATIONS[metric].map((a) => (a === 'percentile' ? 'p(N)' : a)).join(', ')}`,
    );
  const windowMs = windowText === undefined ? null : parseDuration(windowText, `threshold "${text}" window`);
  if (windowMs !== null && (windowMs < 1000 || windowMs % 1000 !== 0))
    throw new LoadConfigError(`threshold "${text}": a window is whole seconds, at least 1s`);
  if (windowMs !== null && metric === 'http_req_service_duration')
    throw new LoadConfigError(
      `threshold "${text}": windows apply to http_req_duration, not the service time`,
    );
  if (windowMs !== null && name !== null && metric !== 'http_req_duration')
    throw new LoadConfigError(
      `threshold "${text}": a windowed ${metric} counts all requests; drop the {name:…}`,
    );
  const options: { abortOnFail?: boolean; delayAbortEval?: string | number } =
    typeof rule === 'string' ? {} : rule;
  return {
    metricKey,
    rule: text as string,
    metric,
    name,
    aggregation,
    comparison: comparison as Comparison,
    value: Number(valueText),
    windowSeconds: windowMs === null ? null : windowMs / 1000,
    abortOnFail: options.abortOnFail === true,
    delayAbortEvalMs: parseDuration(options.delayAbortEval ?? 0, 'delayAbortEval'),
  };
}

/** Every rule of a scenario's thresholds, parsed. */
export function parseThresholds(thresholds: Thresholds | undefined): Threshold[] {
  return Object.entries(thresholds ?? {}).flatMap(([key, rules]) => {
    if (!Array.isArray(rules)) throw new LoadConfigError(`thresholds of ${key} must be a list; ${help}`);
    return rules.map((rule) => parseThreshold(key, rule));
  });
}

/** `http_req_duration{name:GET /x}: p(95)<50` (the CLI's `--threshold`) → key and rule. */
export function parseThresholdFlag(flag: string): { key: string; rule: string } {
  const match = /^(.*?(?:\{.*\})?)\s*:\s*([^:{}]+)$/.exec(flag);
  if (!match?.[1] || !match[2])
    throw new LoadConfigError(`--threshold "${flag}" does not parse; use e.g. "http_req_duration: p(95)<50"`);
  return { key: match[1].trim(), rule: match[2].trim() };
}

export function compare(observed: number, comparison: Comparison, value: number): boolean {
  switch (comparison) {
    case '<':
      return observed < value;
    case '<=':
      return observed <= value;
    case '>':
      return observed > value;
    case '>=':
      return observed >= value;
    case '==':
    case '===':
      return observed === value;
    case '!=':
      return observed !== value;
  }
}
