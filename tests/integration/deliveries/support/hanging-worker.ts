/**
 * A BullMQ worker that takes a job and never finishes it, then dies when the test SIGKILLs it: the job is
 * left active with a lock nobody renews, which is what BullMQ's stalled-job recovery must notice.
 * Usage: node hanging-worker.ts <redisUrl> <prefix> <queue>
 */
import { bullmqQueue } from '../../../../api/src/jobs/bullmq-queue.ts';

const [redisUrl = '', prefix = '', queueName = ''] = process.argv.slice(2);
const queue = bullmqQueue(redisUrl, prefix, () => {}, { lockDurationMs: 1_000, stalledIntervalMs: 500 });
queue.register(queueName, async (data) => {
  process.stdout.write(`started ${JSON.stringify(data)}\n`);
  await new Promise(() => {});
});
await queue.startWorkers();
process.stdout.write('ready\n');
