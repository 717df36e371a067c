import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobFailureLogger } from './inline-queue.ts';
import { defaultAttempts, defaultBackoffMs, type JobHandler, type JobQueue } from './job-queue.ts';

/**
 * How quickly a dead worker's job is taken back: BullMQ's defaults (a 30 s lock, checked every 30 s) in
 * production; tests shorten both so stalled-job recovery shows within seconds.
 */
export interface WorkerTuning {
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  concurrency?: number;
}

/**
 * Queues on Redis with BullMQ: jobs survive restarts, a worker that dies leaves its job to another (stalled
 * job recovery), retries back off exponentially. `prefix` namespaces the queues (per deployment or test).
 */
export function bullmqQueue(
  redisUrl: string,
  prefix: string,
  onFailure: JobFailureLogger = () => {},
  tuning: WorkerTuning = {},
): JobQueue {
  // BullMQ needs blocking commands without a retry limit, and no ioredis keyPrefix (it has its own).
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
  connection.on('error', () => {});
  const handlers = new Map<string, JobHandler>();
  const queues = new Map<string, Queue>();
  const workers: Worker[] = [];
  const workerConnections: Redis[] = [];
  const active = new Set<Promise<void>>();

  const queueOf = (name: string) => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection, prefix });
      queues.set(name, queue);
    }
    return queue;
  };

  return {
    kind: 'bullmq',
    register(queue, handler) {
      handlers.set(queue, handler as JobHandler);
    },
    async add(queue, data, options = {}) {
      await queueOf(queue).add(queue, data, {
        ...(options.jobId ? { jobId: options.jobId } : {}),
        ...(options.delayMs ? { delay: options.delayMs } : {}),
        attempts: options.attempts ?? defaultAttempts,
        backoff: { type: 'exponential', delay: options.backoffMs ?? defaultBackoffMs },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      });
    },
    async startWorkers() {
      for (const [name, handler] of handlers) {
        const workerConnection = connection.duplicate();
        workerConnections.push(workerConnection);
        const worker = new Worker(
          name,
          (job) => {
            const work = handler(job.data, { attempt: job.attemptsMade + 1 });
            active.add(work);
            return work.finally(() => active.delete(work));
          },
          {
            connection: workerConnection,
            prefix,
            concurrency: tuning.concurrency ?? 4,
            ...(tuning.lockDurationMs ? { lockDuration: tuning.lockDurationMs } : {}),
            ...(tuning.stalledIntervalMs ? { stalledInterval: tuning.stalledIntervalMs } : {}),
          },
        );
        worker.on('failed', (job, error) => {
          if (!job) return;
          onFailure(name, error, job.attemptsMade, job.attemptsMade >= (job.opts.attempts ?? 1));
        });
        worker.on('error', () => {});
        workers.push(worker);
      }
    },
    async drain() {
      while (active.size) await Promise.allSettled([...active]);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      for (const each of [connection, ...workerConnections]) each.disconnect();
    },
  };
}
