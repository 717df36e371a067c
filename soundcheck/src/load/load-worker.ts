// One worker thread of a run split over `--workers`: it imports the scenario again, runs its share of
// the executor on its own undici pool, and posts its closed seconds each second and its snapshot at the end.
import { parentPort, workerData } from 'node:worker_threads';
import { createApiClient, fetchTransport } from '../client/http-client.ts';
import { realClock } from './clock.ts';
import { startThread } from './engine.ts';
import { encodeSecond } from './recorder.ts';
import { poolSender } from './sender.ts';
import type { WorkerInput, WorkerMessage } from './worker-pool.ts';
import { workerScenario } from './worker-scenario.ts';

const input = workerData as WorkerInput;
const port = parentPort;
if (!port) throw new Error('load-worker.ts runs as a worker thread of runLoad');
const post = (message: WorkerMessage) => port.postMessage(message);

const scenario = await workerScenario(input.source, input.overlay);
const stop = new AbortController();
port.on('message', (message: { type: 'start'; atEpochMs: number } | { type: 'stop' }) => {
  if (message.type === 'stop') stop.abort('stopped');
  else void run(message.atEpochMs);
});
post({ type: 'ready' });

async function run(atEpochMs: number): Promise<void> {
  await realClock.sleepUntil(atEpochMs - performance.timeOrigin);
  const pool = poolSender(input.target, { ...input.plan, now: () => realClock.now() });
  const thread = startThread({
    scenario,
    data: input.data,
    setup: { http: createApiClient(fetchTransport(input.target)), baseUrl: input.target, env: process.env },
    send: pool.send,
    clock: realClock,
    connections: input.plan.connections,
    share: input.share,
    maxRequests: input.plan.maxRequests,
    watchedNames: new Set(input.plan.watchedNames),
    seed: input.plan.seed,
    stop: stop.signal,
    onHardStop: () => void pool.close(),
  });
  const ticker = setInterval(
    () => post({ type: 'seconds', buckets: thread.recorder.takeSeconds(realClock.now()).map(encodeSecond) }),
    250,
  );
  const { failures, capReached } = await thread.done;
  clearInterval(ticker);
  await pool.close();
  post({ type: 'seconds', buckets: thread.recorder.takeSeconds(realClock.now(), true).map(encodeSecond) });
  post({ type: 'done', snapshot: thread.recorder.snapshot(), failures: [...failures], capReached });
}
