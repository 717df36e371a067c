import { Worker } from 'node:worker_threads';
import type { RecorderSnapshot, SecondBucket } from './recorder.ts';
import type { ThreadPlan, ThreadSet } from './threads.ts';
import type { ScenarioOverlay, ScenarioSource } from './worker-scenario.ts';

export interface WorkerInput {
  source: ScenarioSource;
  overlay: ScenarioOverlay;
  target: string;
  data: unknown;
  plan: ThreadPlan;
  share: { index: number; count: number };
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'seconds'; buckets: Array<SecondBucket<string>> }
  | { type: 'done'; snapshot: RecorderSnapshot; failures: Array<[string, number]>; capReached: boolean };

/** A worker's part of a whole-run quantity: `total` split as evenly as whole numbers allow. */
const part = (total: number, index: number, count: number) =>
  Math.floor(total / count) + (index < total % count ? 1 : 0);

/**
 * The run's load over `count` worker threads, each with its share of the iterations (every count-th
 * intended start, or every count-th VU), its own pool, and a common start time.
 */
export async function workerThreads(
  count: number,
  input: Omit<WorkerInput, 'share'>,
  stop: AbortSignal,
): Promise<ThreadSet> {
  const pending: SecondBucket[] = [];
  const latest = new Array<number>(count).fill(-1);
  const results: Array<Extract<WorkerMessage, { type: 'done' }>> = [];
  const workers = Array.from({ length: count }, (_, index) => {
    const plan = {
      ...input.plan,
      connections: Math.max(1, Math.ceil(input.plan.connections / count)),
      maxRequests: part(input.plan.maxRequests, index, count),
    };
    return new Worker(new URL('./load-worker.ts', import.meta.url), {
      workerData: { ...input, plan, share: { index, count } } satisfies WorkerInput,
    });
  });
  const finished = workers.map(
    (worker, index) =>
      new Promise<void>((resolve, reject) => {
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'seconds') {
            pending.push(...message.buckets);
            for (const bucket of message.buckets)
              latest[index] = Math.max(latest[index] ?? -1, bucket.second);
          }
          if (message.type === 'done') {
            results.push(message);
            resolve();
          }
        });
        worker.once('error', reject);
        worker.once('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`load worker ${index} exited with ${code}`)),
        );
      }),
  );
  const done = Promise.all(finished).then(async () => {
    await Promise.all(workers.map((worker) => worker.terminate()));
    const failures = new Map<string, number>();
    for (const [message, n] of results.flatMap((result) => result.failures))
      failures.set(message, (failures.get(message) ?? 0) + n);
    return {
      snapshots: results.map((result) => result.snapshot),
      failures,
      capReached: results.some((result) => result.capReached),
    };
  });
  try {
    // A worker that cannot load the scenario fails `done` before it is ready.
    await Promise.race([
      Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('message', resolve)))),
      done,
    ]);
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  const atEpochMs = performance.timeOrigin + performance.now() + 100;
  for (const worker of workers) worker.postMessage({ type: 'start', atEpochMs });
  stop.addEventListener('abort', () => {
    for (const worker of workers) worker.postMessage({ type: 'stop' });
  });
  return { drain: () => pending.splice(0), completeSecond: () => Math.min(...latest), done };
}
