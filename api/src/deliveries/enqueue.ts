import type { Deps } from '../deps.ts';
import { deliveryJobAttempts } from './retry.ts';
import type { DeliveryRow } from './tables.ts';

export const DELIVERY_QUEUE = 'deliveries';

export interface DeliveryJob {
  deliveryId: string;
}

/**
 * Queues the work of a delivery. The job id names the attempt and the message, so enqueuing the same attempt
 * twice (a sweep racing a retry) runs it once, while a retry or a redelivery gets a job of its own.
 */
export async function enqueueDelivery(
  deps: Pick<Deps, 'queue' | 'clock'>,
  delivery: Pick<DeliveryRow, 'id' | 'attempts' | 'messageId' | 'nextAttemptAt'>,
): Promise<void> {
  const delayMs = delivery.nextAttemptAt
    ? Math.max(0, delivery.nextAttemptAt.getTime() - deps.clock.now().getTime())
    : 0;
  await deps.queue.add<DeliveryJob>(
    DELIVERY_QUEUE,
    { deliveryId: delivery.id },
    {
      jobId: `${delivery.id}.${delivery.attempts}.${delivery.messageId}`,
      delayMs,
      ...deliveryJobAttempts,
    },
  );
}
