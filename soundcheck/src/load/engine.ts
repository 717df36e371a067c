import type { Clock } from './clock.ts';
import { parseDuration } from './durations.ts';
import { type ExecutorRun, runExecutor } from './executors.ts';
import { iterationContext } from './iteration-context.ts';
import { Recorder } from './recorder.ts';
import { plannedDurationMs } from './schedule.ts';
import type { Sender } from './sender.ts';
import type { Scenario, SetupContext } from './types.ts';

export interface ThreadOptions<Data> {
  scenario: Scenario<Data>;
  data: Data;
  setup: SetupContext;
  send: Sender;
  clock: Clock;
  connections: number;
  share?: { index: number; count: number };
  /** Requests this thread may send at most; the next one is refused and the run stops. */
  maxRequests?: number;
  /** Names whose per-second histograms windowed thresholds need. */
  watchedNames?: ReadonlySet<string>;
  seed?: number;
  /** Aborting it stops new iterations; running ones get the scenario's graceful stop. */
  stop?: AbortSignal;
  /** Called when the graceful stop ran out, before running iterations are abandoned (close the pool). */
  onHardStop?: () => void;
}

/** A running thread of load: its recorder (read it for live figures) and its end. */
export interface ThreadRun {
  recorder: Recorder;
  origin: number;
  done: Promise<{ failures: Map<string, number>; capReached: boolean }>;
}

/** Runs a scenario's executor on this thread, measuring every request of every iteration. */
export function startThread<Data>(options: ThreadOptions<Data>): ThreadRun {
  const { scenario, clock } = options;
  const origin = clock.now();
  const recorder = new Recorder(origin, options.watchedNames);
  const stop = options.stop ?? new AbortController().signal;
  const hardStop = new AbortController();
  const failures = new Map<string, number>();
  let requestsLeft = options.maxRequests ?? Number.POSITIVE_INFINITY;
  const capReached = new AbortController();
  const stopNow = AbortSignal.any([stop, capReached.signal]);
  const environment = {
    setup: options.setup,
    scenario: scenario.name,
    clock,
    recorder,
    send: options.send,
    hardStop: hardStop.signal,
    mayRequest: () => {
      if (requestsLeft-- > 0) return true;
      capReached.abort(new Error('request cap'));
      return false;
    },
    seed: options.seed ?? 1,
  };
  const iterationsOfVu = new Map<number, number>();
  const run: ExecutorRun = {
    now: () => clock.now(),
    sleepUntil: (at) => clock.sleepUntil(at, stopNow).catch(() => undefined),
    stopping: () => stopNow.aborted,
    activeIterations: () => recorder.activeVUs,
    share: options.share ?? { index: 0, count: 1 },
    scheduled: (dropped) => {
      recorder.scheduled(clock.now());
      if (dropped) recorder.dropped(clock.now());
    },
    async iterate(vu, intended) {
      const start = clock.now();
      const iteration = iterationsOfVu.get(vu) ?? 0;
      iterationsOfVu.set(vu, iteration + 1);
      recorder.iterationStarted(start);
      try {
        await scenario.iteration(
          iterationContext(environment, vu, iteration, start - intended),
          options.data,
        );
        recorder.iterationEnded(true);
      } catch (error) {
        if (hardStop.signal.aborted) return recorder.iterationEnded('interrupted');
        recorder.iterationEnded(false);
        const message = (error as Error).message ?? String(error);
        if (failures.size < 20 || failures.has(message))
          failures.set(message, (failures.get(message) ?? 0) + 1);
      }
    },
  };
  const graceMs = parseDuration(scenario.gracefulStop ?? '10s', 'gracefulStop');
  const executing = runExecutor(run, scenario.executor, options.connections);
  const deadline = origin + plannedDurationMs(scenario.executor);
  const done = (async () => {
    // At the planned end (or a stop) running iterations get the grace period, then are cut off.
    const cleanup = new AbortController();
    const stopped = clock
      .sleepUntil(deadline, AbortSignal.any([stopNow, cleanup.signal]))
      .catch(() => undefined);
    try {
      if (await Promise.race([executing.then(() => true), stopped.then(() => false)]))
        return { failures, capReached: capReached.signal.aborted };
      const graceOver = clock
        .sleepUntil(clock.now() + graceMs, cleanup.signal)
        .then(() => false)
        .catch(() => true);
      if (await Promise.race([executing.then(() => true), graceOver]))
        return { failures, capReached: capReached.signal.aborted };
      hardStop.abort();
      options.onHardStop?.();
      await executing;
      return { failures, capReached: capReached.signal.aborted };
    } finally {
      cleanup.abort();
    }
  })();
  return { recorder, origin, done };
}
