import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { openPartnerTransport } from '../partners/open-transport.ts';
import { findPartner } from '../partners/service.ts';
import { markFirstDelivered } from '../releases/transition.ts';
import type { Transport } from '../transports/transport.ts';
import { notifyDeliveryOutcome } from './delivery-notifications.ts';
import { enqueueDelivery } from './enqueue.ts';
import { storageKeysOf } from './ern-input.ts';
import { syncRelease } from './release-sync.ts';
import { backoffPolicyOf, onTransportError } from './retry.ts';
import { type DeliveryRow, deliveries } from './tables.ts';
import { transitionDelivery } from './transition.ts';
import type { UploadStep } from './upload-plan.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Whether the partner already holds this step's file intact (a resumed upload skips it). */
async function alreadyThere(transport: Transport, step: UploadStep): Promise<boolean> {
  const size = await transport.size(step.path);
  if (size !== step.sizeBytes) return false;
  // Messages and manifests are small: compare their content. Binaries of the right size came from a
  // completed write (a partial one is shorter), which is what a crash leaves behind.
  if (step.kind === 'resource') return true;
  return sha256(await transport.read(step.path)) === step.sha256;
}

/**
 * `uploading`: the plan's steps in order — resources, the message, the manifest last — each skipped when the
 * partner already has it intact, so a worker that resumes after a crash neither re-sends nor writes a second
 * `BatchComplete`. A transport error goes back to `queued` with backoff, or `failed` after the maximum.
 */
export async function uploadDelivery(
  deps: Deps,
  delivery: DeliveryRow,
  /** Extends this worker's lease; false when another worker has taken the delivery over. */
  renewLease: () => Promise<boolean>,
) {
  const orm = deps.db.orm;
  const plan = delivery.plan;
  if (!plan) throw new Error(`delivery ${delivery.id} is uploading without a plan`);
  const partner = await findPartner(orm, delivery.partnerId);
  if (!partner) throw new Error(`partner ${delivery.partnerId} is gone`);
  let transport: Transport | null = null;
  let sent = 0;
  try {
    transport = await openPartnerTransport(deps.config, partner);
    const keys = await storageKeysOf(
      orm,
      plan.steps.flatMap((step) => (step.kind === 'resource' ? [step.source.assetId] : [])),
    );
    for (const step of plan.steps) {
      if (await alreadyThere(transport, step)) continue;
      // A worker that lost its lease (stalled past it) stops before writing anything more: the worker that
      // took over writes the rest, so the manifest is written once.
      if (!(await renewLease())) {
        await transport.close();
        return null;
      }
      if (step.kind === 'resource') {
        const key = keys.get(step.source.assetId);
        if (!key) throw new Error(`asset ${step.source.assetId} is no longer stored`);
        await transport.put(step.path, await deps.storage.get(key), step.sizeBytes);
      } else {
        await transport.put(step.path, Buffer.from(step.content), step.sizeBytes);
      }
      sent += 1;
    }
  } catch (error) {
    await transport?.close();
    const now = deps.clock.now();
    const reason = (error as Error).message;
    const decision = onTransportError(delivery.attempts, now, backoffPolicyOf(deps.config));
    if (decision.event === 'transport_error') {
      const queued = await transitionDelivery(
        orm,
        delivery,
        'transport_error',
        now,
        `transport error (attempt ${decision.attempts}): ${reason}`,
        {
          attempts: decision.attempts,
          nextAttemptAt: decision.nextAttemptAt,
          lastError: reason,
          // Released with the transition: the retry job may start before this job has returned, and a
          // lease still held would make it give up, leaving the delivery to the next sweep.
          leaseUntil: null,
        },
      );
      if (queued) await enqueueDelivery(deps, queued);
    } else {
      const failed = await transitionDelivery(
        orm,
        delivery,
        'transport_error_final',
        now,
        `failed after ${decision.attempts} attempts: ${reason}`,
        {
          attempts: decision.attempts,
          nextAttemptAt: null,
          lastError: reason,
        },
      );
      if (failed) await notifyDeliveryOutcome(deps, failed);
    }
    return;
  }
  await transport.close();
  const now = deps.clock.now();
  const uploaded = await transitionDelivery(
    orm,
    delivery,
    'manifest_written',
    now,
    `uploaded ${sent} of ${plan.steps.length} file(s) to ${plan.folder}`,
    {
      uploadedAt: now,
      nextAttemptAt: null,
    },
  );
  if (uploaded && (delivery.kind === 'new' || delivery.kind === 'update')) {
    // From now on the partner holds the identifiers: UPC, ISRCs, track order and type are frozen.
    await markFirstDelivered(orm, delivery.releaseId, now);
  }
  if (uploaded) await syncRelease(deps, delivery.releaseId);
  return uploaded;
}

export const deliveryById = async (deps: Pick<Deps, 'db'>, id: string) =>
  (await deps.db.orm.select().from(deliveries).where(eq(deliveries.id, id)))[0] ?? null;
