import type { Config } from '../config.ts';
import { bullmqQueue } from './bullmq-queue.ts';
import { inlineQueue, type JobFailureLogger } from './inline-queue.ts';
import type { JobQueue } from './job-queue.ts';

/** BullMQ when REDIS_URL is set, the eager in-process queue otherwise. */
export function openJobQueue(config: Config, onFailure: JobFailureLogger): JobQueue {
  return config.redisUrl
    ? bullmqQueue(config.redisUrl, `${config.redisPrefix}bull`, onFailure)
    : inlineQueue(onFailure);
}
