import { encode } from '../client/http-client.ts';
import { parseDuration } from './durations.ts';
import { type DryRun, dryRun, type RecordedStep } from './k6-record.ts';
import { requestName } from './measured-client.ts';
import { checkTarget, ensureReachable } from './target.ts';
import { parseThresholds } from './thresholds.ts';
import type { ExecutorConfig, Scenario, Thresholds } from './types.ts';
import { validateScenario } from './validate.ts';

const k6Duration = (value: string | number) => (typeof value === 'number' ? `${value}ms` : value);

/** The k6 scenario of an executor (max-throughput has no k6 twin: constant-vus is its closed loop). */
export function k6Executor(config: ExecutorConfig, gracefulStop?: string | number): Record<string, unknown> {
  const grace = gracefulStop === undefined ? {} : { gracefulStop: k6Duration(gracefulStop) };
  const stages = (list: Array<{ target: number; duration: string | number }>) =>
    list.map((stage) => ({ target: stage.target, duration: k6Duration(stage.duration) }));
  switch (config.type) {
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate': {
      const maxVUs = config.maxVUs ?? config.preAllocatedVUs ?? 100;
      const shared = {
        timeUnit: k6Duration(config.timeUnit ?? '1s'),
        preAllocatedVUs: config.preAllocatedVUs ?? maxVUs,
        maxVUs,
        ...grace,
      };
      return config.type === 'constant-arrival-rate'
        ? { executor: config.type, rate: config.rate, duration: k6Duration(config.duration), ...shared }
        : {
            executor: config.type,
            startRate: config.startRate ?? 0,
            stages: stages(config.stages),
            ...shared,
          };
    }
    case 'constant-vus':
      return { executor: config.type, vus: config.vus, duration: k6Duration(config.duration), ...grace };
    case 'ramping-vus':
      return {
        executor: config.type,
        startVUs: config.startVUs ?? 0,
        stages: stages(config.stages),
        ...grace,
      };
    case 'per-vu-iterations':
      return {
        executor: config.type,
        vus: config.vus,
        iterations: config.iterations,
        maxDuration: k6Duration(config.maxDuration ?? '10m'),
        ...grace,
      };
    case 'max-throughput':
      return {
        executor: 'constant-vus',
        vus: config.vus ?? 100,
        duration: k6Duration(config.duration),
        ...grace,
      };
  }
}

/**
 * Thresholds k6 understands: both our latencies map to k6's `http_req_duration` (which k6 measures from
 * the send); windowed rules (`over 10s`) have no k6 form and are left out, listed in `dropped`.
 */
export function k6Thresholds(thresholds: Thresholds | undefined): { kept: Thresholds; dropped: string[] } {
  const kept: Thresholds = {};
  const dropped: string[] = [];
  for (const threshold of parseThresholds(thresholds)) {
    if (threshold.windowSeconds !== null) {
      dropped.push(`${threshold.metricKey}: ${threshold.rule}`);
      continue;
    }
    const key = threshold.metricKey.replace(/^http_req_service_duration/, 'http_req_duration');
    const rule = threshold.abortOnFail
      ? { threshold: threshold.rule, abortOnFail: true, delayAbortEval: `${threshold.delayAbortEvalMs}ms` }
      : threshold.rule;
    kept[key] = [...(kept[key] ?? []), rule];
  }
  return { kept, dropped };
}

/** Where each string of an earlier JSON answer lives: replayed requests refer to it, not to the dry run's value. */
type Origins = Map<string, string>;

function collectStrings(value: unknown, path: string[], found: (text: string, path: string[]) => void): void {
  if (typeof value === 'string') found(value, path);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) collectStrings(item, [...path, key], found);
}

function remember(origins: Origins, json: unknown, source: string): void {
  collectStrings(json, [], (text, path) => {
    // Short strings (states, roles) are too common to mean "the value that answer gave".
    if (text.length >= 8 && !origins.has(text))
      origins.set(text, `at(${source}, ${JSON.stringify(path.join('.'))})`);
  });
}

/** A JavaScript template literal of `text` with every remembered value replaced by its origin. */
function templated(text: string, origins: Origins): string {
  let out = text.replace(/[`\\$]/g, (c) => `\\${c}`);
  const values = [...origins.keys()].sort((a, b) => b.length - a.length);
  for (const value of values) {
    const escaped = value.replace(/[`\\$]/g, (c) => `\\${c}`);
    if (out.includes(escaped)) out = out.split(escaped).join(`\${${origins.get(value)}}`);
  }
  return `\`${out}\``;
}

function requestCode(step: RecordedStep & { kind: 'request' }, index: number, origins: Origins): string[] {
  const { headers, payload } = encode(step.request);
  const name = step.name ?? requestName(step.request.method, step.request.path);
  const headerCode = Object.entries(headers)
    .map(([key, value]) => `${JSON.stringify(key)}: ${templated(value, origins)}`)
    .join(', ');
  const params = `{ headers: { ${headerCode} }, tags: { name: ${JSON.stringify(name)} } }`;
  const url = `BASE + ${templated(step.request.path, origins)}`;
  const body = payload === undefined ? 'null' : templated(String(payload), origins);
  const method = step.request.method.toUpperCase();
  const call =
    method === 'GET'
      ? `http.get(${url}, ${params})`
      : method === 'DELETE'
        ? `http.del(${url}, ${body}, ${params})`
        : `http.${method.toLowerCase()}(${url}, ${body}, ${params})`;
  return [
    `  r[${index}] = ${call};`,
    `  check(r[${index}], { ${JSON.stringify(`${name} → ${step.status}`)}: (res) => res.status === ${step.status} });`,
  ];
}

function stepsCode(steps: RecordedStep[], origins: Origins, source: (i: number) => string): string[] {
  return steps.flatMap((step, i) => {
    if (step.kind === 'sleep') return [`  sleep(${step.ms / 1000});`];
    const code = requestCode(step, i, origins);
    remember(origins, step.json, source(i));
    return code;
  });
}

/** The k6 script of a recorded dry run. */
export function k6Script<Data>(scenario: Scenario<Data>, target: string, run: DryRun): string {
  const { kept, dropped } = k6Thresholds(scenario.thresholds);
  const options = {
    scenarios: { [scenario.name]: k6Executor(scenario.executor, scenario.gracefulStop) },
    thresholds: kept,
  };
  const setupOrigins: Origins = new Map();
  const setupCode = stepsCode(run.setup, setupOrigins, (i) => `body(r[${i}])`);
  const dataOrigins: Origins = new Map();
  run.setup.forEach((step, i) => {
    if (step.kind === 'request') remember(dataOrigins, step.json, `data[${i}]`);
  });
  const iterations = run.iterations.map((steps, n) => [
    `function iteration${n}(data) {`,
    '  const r = [];',
    ...stepsCode(steps, new Map(dataOrigins), (i) => `body(r[${i}])`),
    '}',
  ]);
  return [
    `// k6 script of the Soundcheck scenario "${scenario.name}", generated by \`soundcheck load --export-k6\`.`,
    '// It replays the requests of a dry run in the same order: setup once, then the recorded iterations in turn.',
    `// Run: k6 run -e BASE_URL=${target} script.js`,
    ...(dropped.length
      ? [`// Windowed thresholds have no k6 form and were left out: ${dropped.join('; ')}`]
      : []),
    "import http from 'k6/http';",
    "import { check, sleep } from 'k6';",
    '',
    `export const options = ${JSON.stringify(options, null, 2)};`,
    '',
    `const BASE = __ENV.BASE_URL || ${JSON.stringify(target)};`,
    '',
    'function body(res) {',
    '  try {',
    '    return res.json();',
    '  } catch (_) {',
    '    return null;',
    '  }',
    '}',
    '',
    'function at(value, path) {',
    "  return path === '' ? value : path.split('.').reduce((v, key) => (v == null ? v : v[key]), value);",
    '}',
    '',
    'export function setup() {',
    '  const r = [];',
    ...setupCode,
    '  return r.map((res) => (res ? body(res) : null));',
    '}',
    '',
    ...iterations.flatMap((lines) => [...lines, '']),
    `const iterations = [${run.iterations.map((_, n) => `iteration${n}`).join(', ')}];`,
    '',
    'export default function (data) {',
    '  iterations[__ITER % iterations.length](data);',
    '}',
    '',
  ].join('\n');
}

/** `soundcheck load --export-k6`: a dry run against the target, turned into a k6 script. */
export async function exportK6<Data>(
  scenario: Scenario<Data>,
  options: {
    target: string;
    allowRemote: boolean;
    iterations?: number;
    env?: Record<string, string | undefined>;
  },
): Promise<string> {
  validateScenario(scenario);
  parseDuration(scenario.gracefulStop ?? '10s', 'gracefulStop');
  const url = checkTarget(options.target, options.allowRemote);
  await ensureReachable(url);
  const run = await dryRun(scenario, url.origin, options.iterations ?? 5, options.env ?? process.env);
  return k6Script(scenario, url.origin, run);
}
