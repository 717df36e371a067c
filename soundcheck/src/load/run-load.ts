import { createApiClient, fetchTransport } from '../client/http-client.ts';
import { type Clock, realClock } from './clock.ts';
import { LoadConfigError, parseDuration } from './durations.ts';
import { startThread } from './engine.ts';
import { concurrencyOf } from './executors.ts';
import type { LoadResult, TimePoint } from './result-types.ts';
import { averageRate, plannedDurationMs, rateSegments, targetRateAt } from './schedule.ts';
import { poolSender, type Sender } from './sender.ts';
import { buildResult, mergeSnapshots } from './summary.ts';
import { checkTarget, ensureReachable } from './target.ts';
import { judgeTotals, observeWindow, WindowWatch } from './threshold-eval.ts';
import { compare, parseThresholds, type Threshold } from './thresholds.ts';
import { TimeSeries } from './time-series.ts';
import type { Scenario, SetupContext } from './types.ts';
import { validateScenario } from './validate.ts';

export interface RunLoadOptions {
  /** Base URL of the service under load. */
  target: string;
  allowRemote?: boolean;
  /** Threads generating load (default 1); see `worker-pool.ts`. */
  workers?: number;
  /** The file the scenario came from: workers import it again (required when workers > 1). */
  scenarioFile?: string;
  /** Requests the run may send at most (default 10 000 000). */
  maxRequests?: number;
  /** A run planned longer than this is refused (default 30m). */
  maxDuration?: string;
  /** Aborting it (Ctrl-C) stops the run; results are still built. */
  stop?: AbortSignal;
  /** Called after every complete second with the newest point of the time series. */
  onSecond?: (point: TimePoint) => void;
  env?: Record<string, string | undefined>;
  seed?: number;
  /** Tests only: a virtual clock and a fake sender. */
  clock?: Clock;
  send?: Sender;
}

const names = (thresholds: Threshold[]) =>
  new Set(thresholds.flatMap((t) => (t.name !== null && t.metric === 'http_req_duration' ? [t.name] : [])));

/** Runs a scenario against a target: setup (unmeasured), the executor, thresholds; returns the result. */
export async function runLoad<Data>(scenario: Scenario<Data>, options: RunLoadOptions): Promise<LoadResult> {
  validateScenario(scenario);
  const thresholds = parseThresholds(scenario.thresholds);
  const url = checkTarget(options.target, options.allowRemote ?? false);
  const planned = plannedDurationMs(scenario.executor);
  if (planned > parseDuration(options.maxDuration ?? '30m', '--max-duration'))
    throw new LoadConfigError(
      `the executor runs ${planned / 1000}s, longer than --max-duration allows; raise it`,
    );
  if (!options.send) await ensureReachable(url);
  const clock = options.clock ?? realClock;
  const setup: SetupContext = {
    http: createApiClient(fetchTransport(url.href)),
    baseUrl: url.href.replace(/\/$/, ''),
    env: options.env ?? process.env,
  };
  const data = scenario.setup ? await scenario.setup(setup) : (undefined as Data);
  const startedAt = new Date();
  const segments = rateSegments(scenario.executor);
  const series = new TimeSeries(Math.max(1, ...thresholds.map((t) => t.windowSeconds ?? 0)), (second) =>
    targetRateAt(segments, second * 1000 + 500),
  );
  const watches = thresholds.filter((t) => t.windowSeconds !== null).map((t) => new WindowWatch(t));
  const stop = new AbortController();
  options.stop?.addEventListener('abort', () => stop.abort('interrupted'), { once: true });
  const connections = Math.min(
    256,
    concurrencyOf(scenario.executor, 256),
    scenario.transport?.connections ?? 256,
  );
  const pool = options.send
    ? null
    : poolSender(url.href, {
        connections,
        pipelining: scenario.transport?.pipelining ?? 1,
        timeoutMs: parseDuration(scenario.transport?.timeout ?? '10s', 'transport.timeout'),
        now: () => clock.now(),
      });
  const send = options.send ?? (pool as { send: Sender }).send;
  const thread = startThread({
    scenario,
    data,
    setup,
    send,
    clock,
    connections,
    watchedNames: names(thresholds),
    seed: options.seed ?? 1,
    stop: stop.signal,
    onHardStop: () => void pool?.close(),
    ...(options.maxRequests === undefined ? {} : { maxRequests: options.maxRequests }),
  });
  const started = clock.now();
  const judgeLive = () => {
    for (const bucket of thread.recorder.takeSeconds(clock.now())) series.add(bucket);
    const last = series.latestSecond();
    const point = series.points().at(-1);
    if (point) options.onSecond?.(point);
    for (const watch of watches)
      if (!watch.advance(series, last) && watch.threshold.abortOnFail && !stop.signal.aborted)
        stop.abort(`threshold ${watch.threshold.metricKey} ${watch.threshold.rule} failed`);
    for (const threshold of thresholds.filter((t) => t.abortOnFail && t.windowSeconds === null)) {
      if (
        clock.now() - started < threshold.delayAbortEvalMs ||
        threshold.metric === 'http_req_service_duration'
      )
        continue;
      const seen = observeWindow(threshold, series, 0, last);
      if (seen !== null && !compare(seen, threshold.comparison, threshold.value) && !stop.signal.aborted)
        stop.abort(`threshold ${threshold.metricKey} ${threshold.rule} failed`);
    }
  };
  const ticker = options.clock ? null : setInterval(judgeLive, 1000);
  let outcome: { failures: Map<string, number>; capReached: boolean };
  try {
    outcome = await thread.done;
  } finally {
    if (ticker) clearInterval(ticker);
    await pool?.close();
  }
  for (const bucket of thread.recorder.takeSeconds(clock.now(), true)) series.add(bucket);
  const run = mergeSnapshots([thread.recorder.snapshot()]);
  const lastSecond = series.latestSecond();
  return buildResult({
    scenario: scenario.name,
    executor: scenario.executor.type,
    target: url.origin,
    startedAt,
    workers: 1,
    run,
    timeSeries: series.points(),
    targetRate: averageRate(segments),
    thresholds: thresholds.map((t) =>
      t.windowSeconds === null
        ? judgeTotals(t, run)
        : (watches.find((w) => w.threshold === t) as WindowWatch).finish(series, lastSecond),
    ),
    aborted: stop.signal.aborted
      ? String(stop.signal.reason)
      : outcome.capReached
        ? `request cap of ${options.maxRequests} reached`
        : null,
    failures: outcome.failures,
  });
}
