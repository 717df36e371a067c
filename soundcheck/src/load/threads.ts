import type { Clock } from './clock.ts';
import { startThread } from './engine.ts';
import type { RecorderSnapshot, SecondBucket } from './recorder.ts';
import type { Sender } from './sender.ts';
import type { Scenario, SetupContext } from './types.ts';

/** The threads generating a run's load, as the run's main thread sees them. */
export interface ThreadSet {
  /** Seconds closed since the last call, from any thread. */
  drain(): SecondBucket[];
  /** The newest second every thread has closed (-1 before the first). */
  completeSecond(): number;
  done: Promise<{ snapshots: RecorderSnapshot[]; failures: Map<string, number>; capReached: boolean }>;
}

/** What every thread of a run gets (a worker gets it as `workerData`, minus the functions). */
export interface ThreadPlan {
  connections: number;
  pipelining: number;
  timeoutMs: number;
  maxRequests: number;
  watchedNames: string[];
  seed: number;
}

/** The whole load on this thread (the default, and every test on a virtual clock). */
export function localThread<Data>(
  scenario: Scenario<Data>,
  data: Data,
  setup: SetupContext,
  plan: ThreadPlan,
  io: { clock: Clock; send: Sender; stop: AbortSignal; onHardStop: () => void },
): ThreadSet {
  const thread = startThread({
    scenario,
    data,
    setup,
    send: io.send,
    clock: io.clock,
    connections: plan.connections,
    watchedNames: new Set(plan.watchedNames),
    seed: plan.seed,
    stop: io.stop,
    onHardStop: io.onHardStop,
    maxRequests: plan.maxRequests,
  });
  let latest = -1;
  let finished = false;
  const drain = () => {
    const buckets = thread.recorder.takeSeconds(io.clock.now(), finished);
    for (const bucket of buckets) latest = Math.max(latest, bucket.second);
    return buckets;
  };
  return {
    drain,
    completeSecond: () => latest,
    done: thread.done.then(({ failures, capReached }) => {
      finished = true;
      return { snapshots: [thread.recorder.snapshot()], failures, capReached };
    }),
  };
}
