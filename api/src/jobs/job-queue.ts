/** How a job is enqueued: the same `jobId` twice runs once (idempotent enqueue). */
export interface JobOptions {
  jobId?: string;
  /** Tries in all, retried with exponential backoff from `backoffMs` (defaults 5 and 1000). */
  attempts?: number;
  backoffMs?: number;
  delayMs?: number;
}

export type JobHandler<T = unknown> = (data: T, context: { attempt: number }) => Promise<void>;

/**
 * Named queues of idempotent jobs with a handler per queue. BullMQ on Redis when REDIS_URL is set (workers
 * in the API process or `npm run worker`); in the embedded default the same handlers run in-process, eagerly.
 */
export interface JobQueue {
  readonly kind: 'inline' | 'bullmq';
  register<T>(queue: string, handler: JobHandler<T>): void;
  add<T>(queue: string, data: T, options?: JobOptions): Promise<void>;
  /** Starts consuming the registered queues in this process. */
  startWorkers(): Promise<void>;
  /** Resolves when no job is pending or running in this process (tests, shutdown). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export const defaultAttempts = 5;
export const defaultBackoffMs = 1000;

export const backoffDelay = (baseMs: number, attempt: number): number => baseMs * 2 ** (attempt - 1);
