import { violatedConstraint } from '../db/unique-violation.ts';
import type { Deps } from '../deps.ts';
import { packageMessage } from '../ern/package-message.ts';
import { resourceFiles } from '../ern/resource-files.ts';
import type { ErnPartner } from '../ern/types.ts';
import { findPartner } from '../partners/service.ts';
import { findRelease } from '../releases/repository.ts';
import { batchIdAt } from './batch-id.ts';
import { newMessageId } from './create.ts';
import { notifyDeliveryOutcome } from './delivery-notifications.ts';
import { ernInputOf, MissingResourceError } from './ern-input.ts';
import type { DeliveryRow } from './tables.ts';
import { transitionDelivery } from './transition.ts';
import { planBatch, planReleaseByRelease, resourcesToSend, type UploadPlan } from './upload-plan.ts';

export const platformParty = (deps: Pick<Deps, 'config'>): ErnPartner => ({
  dpid: deps.config.platformDpid,
  name: deps.config.platformName,
});

/** Builds and validates the delivery's message (XSD + reference rules); null with the reason when it fails. */
export async function buildDeliveryMessage(
  deps: Pick<Deps, 'db' | 'config'>,
  delivery: Pick<DeliveryRow, 'releaseId' | 'partnerId' | 'kind' | 'messageId' | 'messageThreadId'>,
  now: Date,
) {
  const release = await findRelease(deps.db.orm, delivery.releaseId);
  const partner = await findPartner(deps.db.orm, delivery.partnerId);
  if (!release || !partner)
    return { ok: false as const, reason: 'the release or the partner no longer exists' };
  let input: Awaited<ReturnType<typeof ernInputOf>>;
  try {
    input = await ernInputOf(deps.db.orm, release);
  } catch (error) {
    if (error instanceof MissingResourceError) return { ok: false as const, reason: error.message };
    throw error;
  }
  const recipient = { dpid: partner.dpid, name: partner.name };
  const result = await packageMessage(input, {
    kind: delivery.kind,
    messageId: delivery.messageId,
    messageThreadId: delivery.messageThreadId,
    createdAt: now,
    sender: platformParty(deps),
    recipient,
  });
  if (!result.ok) return { ok: false as const, reason: result.error.message };
  return { ok: true as const, xml: result.xml, input, partner, recipient };
}

/**
 * `packaging`: the message is built and validated, then the upload plan is fixed — batch folder, file
 * names, checksums, manifest — and stored with it, so a resumed upload repeats exactly the same plan.
 * A message that fails validation never leaves: `packaging_error` → `failed`, not retried.
 */
export async function packageDelivery(deps: Deps, delivery: DeliveryRow): Promise<DeliveryRow | null> {
  const now = deps.clock.now();
  const orm = deps.db.orm;
  if (delivery.ern && delivery.plan) {
    return transitionDelivery(orm, delivery, 'package_built', now, 'message already packaged; reused');
  }
  const built = await buildDeliveryMessage(deps, delivery, now);
  if (!built.ok) {
    const failed = await transitionDelivery(
      orm,
      delivery,
      'packaging_error',
      now,
      `packaging failed: ${built.reason}`,
      { lastError: built.reason },
    );
    if (failed) await notifyDeliveryOutcome(deps, failed);
    return failed;
  }
  const files = resourceFiles(built.input);
  const packaged = {
    upc: built.input.release.upc,
    kind: delivery.kind,
    messageId: delivery.messageId,
    xml: built.xml,
    resources: resourcesToSend(delivery.kind, files),
  };
  for (let bump = 0; bump < 100; bump++) {
    const at = new Date(now.getTime() + bump);
    const batchId = built.partner.profile === 'batch' ? batchIdAt(at) : null;
    const plan: UploadPlan = batchId
      ? planBatch({
          batchId,
          releases: [packaged],
          manifestMessageId: newMessageId(),
          sender: platformParty(deps),
          recipient: built.recipient,
          createdAt: now,
          test: false,
        })
      : planReleaseByRelease(packaged, at);
    try {
      return await transitionDelivery(orm, delivery, 'package_built', now, `packaged into ${plan.folder}`, {
        ern: built.xml,
        plan,
        batchId,
      });
    } catch (error) {
      // Another delivery to this partner took the same millisecond: the next one names a new batch.
      if (violatedConstraint(error) === null) throw error;
    }
  }
  throw new Error('no free batch id within 100 ms');
}
