import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Orm } from '../db/database.ts';
import { type DeliveryRow, deliveryEvents } from './tables.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const DeliveryView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  releaseId: Type.String({ format: 'uuid' }),
  partnerId: Type.String({ format: 'uuid' }),
  kind: Type.String(),
  state: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Type.String({ format: 'date-time' })),
  lastError: Nullable(Type.String()),
  batchId: Nullable(Type.String()),
  messageId: Type.String(),
  messageThreadId: Type.String(),
  ack: Nullable(Type.Object({}, { additionalProperties: true })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  events: Type.Optional(
    Type.Array(
      Type.Object({ at: Type.String({ format: 'date-time' }), state: Type.String(), detail: Type.String() }),
    ),
  ),
});

export function deliveryView(row: DeliveryRow) {
  return {
    id: row.id,
    releaseId: row.releaseId,
    partnerId: row.partnerId,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastError: row.lastError,
    batchId: row.batchId,
    messageId: row.messageId,
    messageThreadId: row.messageThreadId,
    ack: (row.ack as Record<string, unknown> | null) ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One delivery with its trail, oldest event first. */
export async function deliveryWithEvents(orm: Orm, row: DeliveryRow) {
  const events = await orm
    .select()
    .from(deliveryEvents)
    .where(eq(deliveryEvents.deliveryId, row.id))
    .orderBy(asc(deliveryEvents.id));
  return {
    ...deliveryView(row),
    events: events.map((event) => ({ at: event.at.toISOString(), state: event.state, detail: event.detail })),
  };
}
