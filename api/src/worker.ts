import { ConfigError, loadConfig } from './config.ts';
import { startDeliverySweeper } from './deliveries/sweep.ts';
import { createDeps, StartupError } from './deps.ts';
import { registerJobHandlers } from './jobs/handlers.ts';

/** `npm run worker`: the background workers as their own process (needs REDIS_URL: BullMQ queues). */
function fail(message: string): never {
  process.stderr.write(`soundcheck-worker: ${message}\n`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(`configuration error: ${error.message}`);
  throw error;
}
if (!config.redisUrl) {
  fail(
    'REDIS_URL is not set: without Redis the jobs run inside the API process (npm start), not in a worker',
  );
}
let started: Awaited<ReturnType<typeof createDeps>>;
try {
  started = await createDeps(config);
} catch (error) {
  fail(
    error instanceof StartupError
      ? error.message
      : `cannot start: ${(error as Error).message.split('\n')[0]}`,
  );
}
registerJobHandlers(started.deps);
await started.deps.queue.startWorkers();
const stopSweeper = startDeliverySweeper(started.deps);
process.stderr.write(
  `${JSON.stringify({ level: 30, time: Date.now(), msg: 'workers started', ...started.backends })}\n`,
);

let stopping = false;
const stop = async () => {
  if (stopping) process.exit(1);
  stopping = true;
  stopSweeper();
  await started.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
