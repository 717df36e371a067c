import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Orm } from '../db/database.ts';
import type { MessageKind } from '../ern/types.ts';
import { ApiError } from '../http/errors.ts';
import { findPartners } from '../partners/service.ts';
import type { PartnerRow } from '../partners/tables.ts';
import type { ReleaseRow } from '../releases/repository.ts';
import type { DeliveryState } from './state-machine.ts';
import { type DeliveryRow, deliveries, deliveryEvents } from './tables.ts';

/** A DDEX MessageId / MessageThreadId: unique, and safe inside ACK file names. */
export const newMessageId = (): string => randomUUID().replaceAll('-', '').toUpperCase();

/** States in which the partner has (or is about to have) the release's files. */
const holdingStates: readonly DeliveryState[] = ['uploaded', 'acknowledged', 'live'];

/** The partners that already have the release: an update or a takedown goes to them, a `new` to the rest. */
export async function partnersHolding(orm: Orm, releaseId: string): Promise<Set<string>> {
  const rows = await orm
    .select({ partnerId: deliveries.partnerId })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.releaseId, releaseId),
        inArray(deliveries.kind, ['new', 'update']),
        inArray(deliveries.state, [...holdingStates]),
      ),
    );
  return new Set(rows.map((row) => row.partnerId));
}

async function threadOf(orm: Orm, releaseId: string, partnerId: string): Promise<string> {
  const [previous] = await orm
    .select({ thread: deliveries.messageThreadId })
    .from(deliveries)
    .where(and(eq(deliveries.releaseId, releaseId), eq(deliveries.partnerId, partnerId)))
    .orderBy(desc(deliveries.id))
    .limit(1);
  return previous?.thread ?? newMessageId();
}

/** The partners named by the request, or 422 naming the ids that are not partners. */
export async function partnersByIds(orm: Orm, ids: readonly string[]): Promise<PartnerRow[]> {
  const rows = await findPartners(orm, ids);
  const missing = ids.filter((id) => !rows.some((row) => row.id === id));
  if (missing.length > 0) {
    throw new ApiError('BUSINESS_RULE_VIOLATED', 'Some partnerIds are not partners', {
      errors: missing.map((id) => ({
        field: 'partnerIds',
        code: 'UNKNOWN_PARTNER',
        message: `${id} is not a partner`,
      })),
    });
  }
  return ids.map((id) => rows.find((row) => row.id === id) as PartnerRow);
}

const addDays = (date: Date, days: number) => {
  const copy = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  copy.setUTCDate(copy.getUTCDate() + days);
  return copy.toISOString().slice(0, 10);
};

/** The lead-time guard of a first delivery: the release date is at least `leadTimeDays` after today. */
export function checkLeadTimes(
  release: Pick<ReleaseRow, 'releaseDate'>,
  targets: PartnerRow[],
  now: Date,
): void {
  const late = targets.filter((partner) => release.releaseDate < addDays(now, partner.leadTimeDays));
  if (late.length > 0) {
    throw new ApiError('BUSINESS_RULE_VIOLATED', 'The release date is inside a partner’s lead time', {
      errors: late.map((partner) => ({
        field: 'releaseDate',
        code: 'LEAD_TIME',
        message: `${partner.name} needs the release by ${addDays(now, partner.leadTimeDays)} or later (lead time ${partner.leadTimeDays} days)`,
      })),
    });
  }
}

/** Inserts one queued delivery (in the caller's transaction) with a fresh MessageId in the release's thread. */
export async function insertDelivery(
  orm: Orm,
  input: { release: ReleaseRow; partnerId: string; kind: MessageKind; actorId: string | null; now: Date },
): Promise<DeliveryRow> {
  const { release, partnerId, kind, now } = input;
  const [row] = await orm
    .insert(deliveries)
    .values({
      id: uuidv7(),
      releaseId: release.id,
      partnerId,
      labelId: release.labelId,
      kind,
      state: 'queued',
      messageId: newMessageId(),
      messageThreadId: await threadOf(orm, release.id, partnerId),
      createdBy: input.actorId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const delivery = row as DeliveryRow;
  await orm.insert(deliveryEvents).values({
    id: uuidv7(),
    deliveryId: delivery.id,
    at: now,
    state: 'queued',
    detail: `${kind} delivery queued`,
  });
  return delivery;
}
