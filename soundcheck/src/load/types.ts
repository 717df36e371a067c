import type { ApiClient } from '../client/http-client.ts';
import type { Duration } from './durations.ts';

/** One stage of a ramping executor: reach `target` (iterations per time unit, or VUs) over `duration`. */
export interface Stage {
  target: number;
  duration: Duration;
}

/**
 * Open model: starts `rate` iterations per `timeUnit` (default `1s`) at their intended times. A start
 * that finds all `maxVUs` busy is dropped (k6's `dropped_iterations`), never sent late.
 */
export interface ConstantArrivalRate {
  type: 'constant-arrival-rate';
  rate: number;
  timeUnit?: Duration;
  duration: Duration;
  /** Accepted for k6 compatibility; VUs are cheap here, so only `maxVUs` matters. */
  preAllocatedVUs?: number;
  /** Iterations in flight at most; default: one second's worth at the peak rate (at least 10). */
  maxVUs?: number;
}

/** Open model with the rate ramping linearly through `stages` (targets are iterations per `timeUnit`). */
export interface RampingArrivalRate {
  type: 'ramping-arrival-rate';
  startRate?: number;
  timeUnit?: Duration;
  stages: Stage[];
  preAllocatedVUs?: number;
  maxVUs?: number;
}

/** Closed model: `vus` loops, each starting its next iteration when the last one ends. */
export interface ConstantVus {
  type: 'constant-vus';
  vus: number;
  duration: Duration;
}

/** Closed model with the number of VUs ramping through `stages`; a VU ramped down finishes its iteration. */
export interface RampingVus {
  type: 'ramping-vus';
  startVUs?: number;
  stages: Stage[];
}

/** Each of `vus` VUs runs exactly `iterations` iterations (or until `maxDuration`, default 10m). */
export interface PerVuIterations {
  type: 'per-vu-iterations';
  vus: number;
  iterations: number;
  maxDuration?: Duration;
}

/** Closed loop as fast as the target answers: `vus` loops (default: connections × pipelining). */
export interface MaxThroughput {
  type: 'max-throughput';
  vus?: number;
  duration: Duration;
}

export type ExecutorConfig =
  | ConstantArrivalRate
  | RampingArrivalRate
  | ConstantVus
  | RampingVus
  | PerVuIterations
  | MaxThroughput;

export type ExecutorType = ExecutorConfig['type'];

export const executorTypes: readonly ExecutorType[] = [
  'constant-arrival-rate',
  'ramping-arrival-rate',
  'constant-vus',
  'ramping-vus',
  'per-vu-iterations',
  'max-throughput',
];

/** The HTTP side of a scenario: an undici pool with keep-alive. */
export interface TransportOptions {
  /** Sockets to the target (default: the executor's VUs, at most 256). */
  connections?: number;
  /** Requests in flight per socket (default 1: no pipelining). */
  pipelining?: number;
  /** A request with no complete answer after this is a `timeout` error (default 10s). */
  timeout?: Duration;
}

/** What `setup` gets: an unmeasured client to the target (the tests' `ApiClient`). */
export interface SetupContext {
  http: ApiClient;
  baseUrl: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** What each iteration gets; every request through `http` is measured. */
export interface IterationContext extends SetupContext {
  /** 1-based VU number, as in k6's `__VU`. */
  vu: number;
  /** 0-based iteration number of this VU, as in k6's `__ITER`. */
  iteration: number;
  scenario: string;
  /** Think time; it counts in the iteration, not in any request's latency. */
  sleep(ms: number): Promise<void>;
  /** A uniformly drawn element of a pool made in setup (seeded: `SOUNDCHECK_SEED`). */
  pick<T>(pool: readonly T[]): T;
  /** A seeded random number in [0, 1). */
  random(): number;
  /** A client whose requests are recorded under `name` (a route template such as `GET /v1/releases/{id}`). */
  named(name: string): ApiClient;
}

/** A threshold rule in k6's grammar, e.g. `'p(95)<50'`, `'rate<0.01'`, or windowed: `'p(95)<50 over 10s'`. */
export type ThresholdRule = string | { threshold: string; abortOnFail?: boolean; delayAbortEval?: Duration };

/**
 * Metric (with optional `{name:…}` tag) → rules. Metrics: `http_req_duration` (ms from the intended
 * start), `http_req_service_duration` (ms from the actual send), `http_req_failed`, `http_reqs`,
 * `iterations`, `dropped_iterations`.
 */
export type Thresholds = Record<string, ThresholdRule[]>;

/** A load scenario; make one with `defineScenario`. */
export interface Scenario<Data = unknown> {
  /** File-name safe: `[A-Za-z0-9_.-]+`; the result is written to `performance/<name>.json`. */
  name: string;
  executor: ExecutorConfig;
  /** Runs once before the load, unmeasured; its result is every iteration's `data`. */
  setup?: (ctx: SetupContext) => Promise<Data> | Data;
  iteration: (ctx: IterationContext, data: Data) => Promise<void>;
  thresholds?: Thresholds;
  transport?: TransportOptions;
  /** How long iterations still running at the end may finish before they are interrupted (default 10s). */
  gracefulStop?: Duration;
}

/** One journey of a weighted mix (see `journeys`). */
export interface Journey<Data> {
  name: string;
  weight: number;
  run: (ctx: IterationContext, data: Data) => Promise<void>;
}
