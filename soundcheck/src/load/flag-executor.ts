import { type Duration, LoadConfigError, parseRate } from './durations.ts';
import { type ExecutorConfig, type ExecutorType, executorTypes, type Stage } from './types.ts';

/** The executor options of `soundcheck load`, as typed (strings). */
export interface ExecutorFlags {
  executor?: string;
  rate?: string;
  duration?: string;
  vus?: string;
  'max-vus'?: string;
  stages?: string;
  iterations?: string;
}

/** `30s:100,1m:100,10s:0` → stages (duration:target, k6's `--stage` syntax). */
export function parseStages(text: string): Stage[] {
  return text.split(',').map((part) => {
    const match = /^\s*([^:]+):\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match?.[1] || !match[2])
      throw new LoadConfigError(`--stages "${text}": write duration:target pairs, e.g. 30s:100,1m:100,10s:0`);
    return { duration: match[1].trim(), target: Number(match[2]) };
  });
}

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) <= 0)
    throw new LoadConfigError(`${flag} takes a whole number > 0`);
  return Number(value);
}

function guessType(flags: ExecutorFlags): ExecutorType {
  if (flags.stages && flags.rate) return 'ramping-arrival-rate';
  if (flags.stages) return 'ramping-vus';
  if (flags.rate) return 'constant-arrival-rate';
  if (flags.iterations) return 'per-vu-iterations';
  if (flags.vus) return 'constant-vus';
  throw new LoadConfigError(
    'say how much load: --rate 100/s, --vus 10, --stages 30s:50,30s:0 or --executor …',
  );
}

/** Which flags each executor reads; any other executor flag given is an error, not silently ignored. */
const FLAGS_OF: Record<ExecutorType, ReadonlyArray<keyof ExecutorFlags>> = {
  'constant-arrival-rate': ['rate', 'duration', 'max-vus'],
  'ramping-arrival-rate': ['rate', 'stages', 'max-vus'],
  'constant-vus': ['vus', 'duration'],
  'ramping-vus': ['vus', 'stages'],
  'per-vu-iterations': ['vus', 'iterations', 'duration'],
  'max-throughput': ['vus', 'duration'],
};

/**
 * The executor of a run: the scenario's, with the flags given laid over it; `--executor` (or flags
 * without a scenario executor) builds a new one. Durations default to 10s on the command line.
 */
export function executorFromFlags(flags: ExecutorFlags, base?: ExecutorConfig): ExecutorConfig {
  const type = (flags.executor ?? base?.type ?? guessType(flags)) as ExecutorType;
  if (!executorTypes.includes(type))
    throw new LoadConfigError(`unknown executor "${type}"; choose one of ${executorTypes.join(', ')}`);
  for (const key of ['rate', 'duration', 'vus', 'max-vus', 'stages', 'iterations'] as const)
    if (flags[key] !== undefined && !FLAGS_OF[type].includes(key))
      throw new LoadConfigError(
        `--${key} does not apply to ${type}; it takes ${FLAGS_OF[type].map((f) => `--${f}`).join(', ')}`,
      );
  const same = base?.type === type ? base : undefined;
  const pick = <T>(flag: T | undefined, key: string, fallback?: T): T | undefined =>
    flag ?? ((same as Record<string, unknown> | undefined)?.[key] as T | undefined) ?? fallback;
  const duration = pick<Duration>(flags.duration, 'duration', '10s') as Duration;
  const rate = flags.rate === undefined ? undefined : parseRate(flags.rate);
  const vus = count(flags.vus, '--vus');
  const maxVUs = pick(count(flags['max-vus'], '--max-vus'), 'maxVUs');
  const stages =
    flags.stages === undefined
      ? (same as { stages?: Stage[] } | undefined)?.stages
      : parseStages(flags.stages);
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  const need = <V>(value: V | undefined, flag: string): V => {
    if (value === undefined) throw new LoadConfigError(`${type} needs ${flag}`);
    return value;
  };
  switch (type) {
    case 'constant-arrival-rate':
      return {
        type,
        rate: need(rate?.rate ?? pick<number>(undefined, 'rate'), '--rate, e.g. --rate 500/s'),
        timeUnit: rate?.timeUnit ?? pick<Duration>(undefined, 'timeUnit', '1s'),
        duration,
        ...optional('maxVUs', maxVUs),
      } as ExecutorConfig;
    case 'ramping-arrival-rate':
      return {
        type,
        startRate: rate?.rate ?? pick<number>(undefined, 'startRate', 0),
        timeUnit: rate?.timeUnit ?? pick<Duration>(undefined, 'timeUnit', '1s'),
        stages: need(stages, '--stages, e.g. --stages 30s:500,1m:500'),
        ...optional('maxVUs', maxVUs),
      } as ExecutorConfig;
    case 'constant-vus':
      return { type, vus: need(vus ?? pick<number>(undefined, 'vus'), '--vus'), duration };
    case 'ramping-vus':
      return {
        type,
        startVUs: vus ?? pick<number>(undefined, 'startVUs', 0),
        stages: need(stages, '--stages'),
      } as ExecutorConfig;
    case 'per-vu-iterations':
      return {
        type,
        vus: need(vus ?? pick<number>(undefined, 'vus'), '--vus'),
        iterations: need(
          count(flags.iterations, '--iterations') ?? pick<number>(undefined, 'iterations'),
          '--iterations',
        ),
        ...optional(
          'maxDuration',
          flags.duration ?? (same as { maxDuration?: Duration } | undefined)?.maxDuration,
        ),
      } as ExecutorConfig;
    case 'max-throughput':
      return { type, duration, ...optional('vus', vus ?? pick<number>(undefined, 'vus')) } as ExecutorConfig;
  }
}
