import { parseDuration } from './durations.ts';
import { arrivalTimes, plannedDurationMs, rateSegments, vuChanges } from './schedule.ts';
import type { ExecutorConfig } from './types.ts';

/** What an executor drives: when to start iterations, and on which VU. */
export interface ExecutorRun {
  now(): number;
  sleepUntil(at: number): Promise<void>;
  /** Set when the run must start nothing more (end of duration, Ctrl-C, abortOnFail, request cap). */
  stopping(): boolean;
  /** Starts an iteration intended at `intended`; resolves when it ends. */
  iterate(vu: number, intended: number): Promise<void>;
  /** Counts an intended start (open executors) and whether it was dropped. */
  scheduled(dropped: boolean): void;
  activeIterations(): number;
  /** This thread's part of the load when it is split over workers. */
  share: { index: number; count: number };
}

const ownsVu = (run: ExecutorRun, vu: number) => (vu - 1) % run.share.count === run.share.index;

/** Default `maxVUs` of an open executor: a second's worth of iterations at the peak rate, at least 10. */
export function defaultMaxVus(config: ExecutorConfig): number {
  const peakPerMs = Math.max(0, ...rateSegments(config).flatMap((s) => [s.fromRate, s.toRate]));
  return Math.max(10, Math.ceil(peakPerMs * 1000));
}

/** How many iterations an executor may run at once, over all threads. */
export function concurrencyOf(config: ExecutorConfig, connections: number): number {
  switch (config.type) {
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate':
      return Math.max(config.maxVUs ?? 0, config.preAllocatedVUs ?? 0) || defaultMaxVus(config);
    case 'constant-vus':
    case 'per-vu-iterations':
      return config.vus;
    case 'ramping-vus':
      return Math.max(config.startVUs ?? 0, ...config.stages.map((stage) => stage.target));
    case 'max-throughput':
      return config.vus ?? connections;
  }
}

/** Open model: every intended start at its time, dropped when all VUs of this thread are busy. */
async function runOpen(run: ExecutorRun, config: ExecutorConfig, maxVUs: number): Promise<void> {
  const origin = run.now();
  const free: number[] = [];
  let nextVu = 1;
  let k = -1;
  // A count, not a set of promises: adding to and deleting from a long-lived Set at every start
  // reallocates its table, garbage that V8 promotes (a long run's RSS crept up with it).
  let running = 0;
  let allEnded: (() => void) | null = null;
  const ended = () => {
    if (--running === 0) allEnded?.();
  };
  for (const offset of arrivalTimes(rateSegments(config))) {
    k++;
    if (k % run.share.count !== run.share.index) continue;
    await run.sleepUntil(origin + offset);
    if (run.stopping()) break;
    if (run.activeIterations() >= maxVUs) {
      run.scheduled(true);
      continue;
    }
    run.scheduled(false);
    const vu = free.pop() ?? nextVu++;
    running++;
    const release = () => {
      free.push(vu);
      ended();
    };
    run.iterate(vu, origin + offset).then(release, release);
  }
  if (running > 0)
    await new Promise<void>((resolve) => {
      allEnded = resolve;
    });
}

/** Closed model: one VU loops while `more()` holds, each iteration intended when the last one ended. */
async function vuLoop(run: ExecutorRun, vu: number, more: (done: number) => boolean): Promise<void> {
  for (let done = 0; !run.stopping() && more(done); done++) await run.iterate(vu, run.now());
}

async function runRampingVus(run: ExecutorRun, config: ExecutorConfig & { type: 'ramping-vus' }) {
  const origin = run.now();
  const changes = vuChanges(config.startVUs ?? 0, config.stages);
  let target = 0;
  let started = 0;
  const loops: Array<Promise<void>> = [];
  for (const change of changes) {
    await run.sleepUntil(origin + change.atMs);
    if (run.stopping()) break;
    target = change.vus;
    for (; started < target; started++) {
      const vu = started + 1;
      if (ownsVu(run, vu)) loops.push(vuLoop(run, vu, () => vu <= target));
    }
  }
  target = 0;
  await Promise.all(loops);
}

/** Runs one executor on this thread's share until it ends or the run is stopped. */
export async function runExecutor(
  run: ExecutorRun,
  config: ExecutorConfig,
  connections: number,
): Promise<void> {
  const end = run.now() + plannedDurationMs(config);
  const ownedVus = (count: number) =>
    Array.from({ length: count }, (_, i) => i + 1).filter((vu) => ownsVu(run, vu));
  switch (config.type) {
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate': {
      const total = concurrencyOf(config, connections);
      const mine = Math.floor(total / run.share.count) + (run.share.index < total % run.share.count ? 1 : 0);
      return runOpen(run, config, Math.max(1, mine));
    }
    case 'constant-vus':
    case 'max-throughput': {
      const vus = ownedVus(concurrencyOf(config, connections));
      await Promise.all(vus.map((vu) => vuLoop(run, vu, () => run.now() < end)));
      return;
    }
    case 'per-vu-iterations': {
      parseDuration(config.maxDuration ?? '10m', 'maxDuration');
      const vus = ownedVus(config.vus);
      await Promise.all(
        vus.map((vu) => vuLoop(run, vu, (done) => done < config.iterations && run.now() < end)),
      );
      return;
    }
    case 'ramping-vus':
      return runRampingVus(run, config);
  }
}
