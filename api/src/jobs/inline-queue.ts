import { setTimeout as sleep } from 'node:timers/promises';
import {
  backoffDelay,
  defaultAttempts,
  defaultBackoffMs,
  type JobHandler,
  type JobOptions,
  type JobQueue,
} from './job-queue.ts';

export type JobFailureLogger = (queue: string, error: unknown, attempt: number, final: boolean) => void;

/**
 * The embedded queue: a job starts as soon as it is added (never inside the caller's await), retries with
 * backoff, and a job id already seen is ignored. Pending work is tracked so `drain` can wait for it.
 */
export function inlineQueue(
  onFailure: JobFailureLogger = () => {},
  /** Multiplies every backoff delay: tests use a small factor so retries take milliseconds. */
  backoffScale = 1,
): JobQueue {
  const handlers = new Map<string, JobHandler>();
  const seen = new Set<string>();
  const running = new Set<Promise<void>>();

  async function run(queue: string, data: unknown, options: JobOptions): Promise<void> {
    const handler = handlers.get(queue);
    if (!handler) throw new Error(`no handler registered for queue ${queue}`);
    const attempts = options.attempts ?? defaultAttempts;
    if (options.delayMs) await sleep(options.delayMs);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await handler(data, { attempt });
        return;
      } catch (error) {
        onFailure(queue, error, attempt, attempt === attempts);
        if (attempt < attempts)
          await sleep(backoffDelay(options.backoffMs ?? defaultBackoffMs, attempt) * backoffScale);
      }
    }
  }

  return {
    kind: 'inline',
    register(queue, handler) {
      handlers.set(queue, handler as JobHandler);
    },
    async add(queue, data, options = {}) {
      if (options.jobId) {
        const key = `${queue}:${options.jobId}`;
        if (seen.has(key)) return;
        seen.add(key);
      }
      const job = new Promise<void>((resolve) => setImmediate(resolve)).then(() => run(queue, data, options));
      running.add(job);
      job.finally(() => running.delete(job)).catch(() => {});
    },
    async startWorkers() {},
    async drain() {
      while (running.size) await Promise.allSettled([...running]);
    },
    async close() {
      await this.drain();
    },
  };
}
