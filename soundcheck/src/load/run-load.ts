import { createApiClient, fetchTransport } from '../client/http-client.ts';
import { type Clock, realClock } from './clock.ts';
import { LoadConfigError, parseDuration } from './durations.ts';
import { concurrencyOf } from './executors.ts';
import type { LoadResult, TimePoint } from './result-types.ts';
import { averageRate, plannedDurationMs, rateSegments, targetRateAt } from './schedule.ts';
import { poolSender, type Sender } from './sender.ts';
import { buildResult, mergeSnapshots } from './summary.ts';
import { checkTarget, ensureReachable } from './target.ts';
import { localThread, type ThreadPlan, type ThreadSet } from './threads.ts';
import { judgeTotals, observeWindow, WindowWatch } from './threshold-eval.ts';
import { compare, parseThresholds, type Threshold } from './thresholds.ts';
import { TimeSeries } from './time-series.ts';
import type { Scenario, SetupContext } from './types.ts';
import { validateScenario } from './validate.ts';
import { workerThreads } from './worker-pool.ts';
import { overlayOf, type ScenarioSource } from './worker-scenario.ts';

export interface RunLoadOptions {
  /** Base URL of the service under load. */
  target: string;
  allowRemote?: boolean;
  /** Threads generating load (default 1); see `worker-pool.ts`. */
  workers?: number;
  /** Where workers find the scenario's functions again (required when workers > 1). */
  source?: ScenarioSource;
  /** Requests the run may send at most (default 10 000 000). */
  maxRequests?: number;
  /** A run planned longer than this is refused (default 30m). */
  maxDuration?: string;
  /** Aborting it (Ctrl-C) stops the run; results are still built. */
  stop?: AbortSignal;
  /** Called once the input is checked, the target reached and setup done: the measured load begins. */
  onStart?: () => void;
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

function sourceOf(options: RunLoadOptions): ScenarioSource {
  if (options.source) return options.source;
  throw new LoadConfigError(
    '--workers needs the scenario from a file or a URL (runLoad: pass options.source)',
  );
}

/** The whole load on this thread, over its own pool unless a test gives a sender. */
function localRun<Data>(
  scenario: Scenario<Data>,
  data: Data,
  setup: SetupContext,
  plan: ThreadPlan,
  url: URL,
  clock: Clock,
  send: Sender | undefined,
  stop: AbortSignal,
): ThreadSet {
  const pool = send ? null : poolSender(url.origin, { ...plan, now: () => clock.now() });
  const threads = localThread(scenario, data, setup, plan, {
    clock,
    send: send ?? (pool as { send: Sender }).send,
    stop,
    onHardStop: () => void pool?.close(),
  });
  return { ...threads, done: threads.done.finally(() => pool?.close()) };
}

/** Why the run must stop now: a windowed threshold, or a cumulative one with abortOnFail, failed. */
function liveFailure(
  thresholds: Threshold[],
  watches: WindowWatch[],
  series: TimeSeries,
  last: number,
  elapsedMs: number,
): string | null {
  let reason: string | null = null;
  for (const watch of watches)
    if (!watch.advance(series, last) && watch.threshold.abortOnFail)
      reason ??= `threshold ${watch.threshold.metricKey} ${watch.threshold.rule} failed`;
  for (const threshold of thresholds) {
    if (!threshold.abortOnFail || threshold.windowSeconds !== null || elapsedMs < threshold.delayAbortEvalMs)
      continue;
    if (threshold.metric === 'http_req_service_duration') continue; // judged at the end only
    const seen = observeWindow(threshold, series, 0, last);
    if (seen !== null && !compare(seen, threshold.comparison, threshold.value))
      reason ??= `threshold ${threshold.metricKey} ${threshold.rule} failed`;
  }
  return reason;
}

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
  options.onStart?.();
  const startedAt = new Date();
  const segments = rateSegments(scenario.executor);
  const series = new TimeSeries(Math.max(1, ...thresholds.map((t) => t.windowSeconds ?? 0)), (second) =>
    targetRateAt(segments, second * 1000 + 500),
  );
  const watches = thresholds.filter((t) => t.windowSeconds !== null).map((t) => new WindowWatch(t));
  const stop = new AbortController();
  // Ctrl-C gives no reason (an AbortError): "interrupted"; a run stopping its siblings says why.
  const reason = () => (typeof options.stop?.reason === 'string' ? options.stop.reason : 'interrupted');
  options.stop?.addEventListener('abort', () => stop.abort(reason()), { once: true });
  const plan: ThreadPlan = {
    connections: Math.min(256, concurrencyOf(scenario.executor, 256), scenario.transport?.connections ?? 256),
    pipelining: scenario.transport?.pipelining ?? 1,
    timeoutMs: parseDuration(scenario.transport?.timeout ?? '10s', 'transport.timeout'),
    maxRequests: options.maxRequests ?? 10_000_000,
    watchedNames: [...names(thresholds)],
    seed: options.seed ?? 1,
  };
  const workers = options.workers ?? 1;
  const threads =
    workers > 1
      ? await workerThreads(
          workers,
          {
            source: sourceOf(options),
            overlay: overlayOf(scenario as Scenario<unknown>),
            target: url.origin,
            data,
            plan,
          },
          stop.signal,
        )
      : localRun(scenario, data, setup, plan, url, clock, options.send, stop.signal);
  const started = clock.now();
  const judgeLive = () => {
    for (const bucket of threads.drain()) series.add(bucket);
    const last = threads.completeSecond();
    const point = series.points()[last];
    if (point) options.onSecond?.(point);
    const reason = liveFailure(thresholds, watches, series, last, clock.now() - started);
    if (reason && !stop.signal.aborted) stop.abort(reason);
  };
  const ticker = options.clock ? null : setInterval(judgeLive, 1000);
  const outcome = await threads.done.finally(() => {
    if (ticker) clearInterval(ticker);
  });
  for (const bucket of threads.drain()) series.add(bucket);
  const run = mergeSnapshots(outcome.snapshots);
  const lastSecond = series.latestSecond();
  return buildResult({
    scenario: scenario.name,
    executor: scenario.executor.type,
    target: url.origin,
    startedAt,
    workers,
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
