import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Orm } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { idempotencyKeys } from './tables.ts';

const DAY_MS = 24 * 3600 * 1000;

/** JSON with object keys sorted at every depth: the same object serialised in any key order is one text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** The fingerprint of a request: a client resending it with its JSON keys in another order sends the same. */
export const requestHash = (method: string, path: string, body: unknown): string =>
  createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('hex');

/**
 * `Idempotency-Key` inside the caller's transaction: the key row is inserted first, so a concurrent request
 * with the same key waits on it and then reads the first response. Returns the stored response to replay,
 * or a `remember` to call with the response once it is known. A key reused with another body is 422.
 */
export async function idempotent(
  tx: Orm,
  userId: string,
  key: string,
  hash: string,
  now: Date,
): Promise<
  { replay: { status: number; body: unknown } } | { remember(status: number, body: unknown): Promise<void> }
> {
  await tx
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.userId, userId),
        eq(idempotencyKeys.key, key),
        lt(idempotencyKeys.createdAt, new Date(now.getTime() - DAY_MS)),
      ),
    );
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ userId, key, requestHash: hash, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) {
    const [first] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    if (!first || first.requestHash !== hash) {
      throw new ApiError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
    }
    return { replay: { status: first.status ?? 202, body: first.response } };
  }
  return {
    async remember(status, body) {
      await tx
        .update(idempotencyKeys)
        .set({ status, response: body })
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    },
  };
}
