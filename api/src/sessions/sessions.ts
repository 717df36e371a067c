import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/database.ts';
import { authSessions } from './tables.ts';

// Revocation lives in PostgreSQL, not Redis: every authenticated request already reads the user row
// fresh, so joining its session costs nothing extra, revocation survives a Redis restart, and reads keep
// working (and stay revocable) while Redis is down.

/** Opens a session (a refresh-token family) for `userId`. */
export async function openSession(
  db: Database,
  userId: string,
  expiresAt: Date,
): Promise<{ sessionId: string; refreshJti: string }> {
  const sessionId = uuidv7();
  const refreshJti = randomUUID();
  await db.orm
    .insert(authSessions)
    .values({ id: sessionId, userId, currentRefreshJti: refreshJti, expiresAt });
  return { sessionId, refreshJti };
}

export type RotationOutcome = 'rotated' | 'reused' | 'invalid';

/**
 * Swaps the family's current refresh token `presentedJti` for `nextJti`, atomically: of two racing
 * refreshes with the same token, one rotates and the other sees a reuse. Presenting any other token of a
 * live family is a reuse (a stolen, already-rotated token): the whole family is revoked.
 */
export async function rotateRefreshToken(
  db: Database,
  sessionId: string,
  userId: string,
  presentedJti: string,
  nextJti: string,
  now: Date,
): Promise<RotationOutcome> {
  const rotated = await db.orm
    .update(authSessions)
    .set({ currentRefreshJti: nextJti })
    .where(
      and(
        eq(authSessions.id, sessionId),
        eq(authSessions.userId, userId),
        eq(authSessions.currentRefreshJti, presentedJti),
        isNull(authSessions.revokedAt),
        sql`${authSessions.expiresAt} > ${now.toISOString()}`,
      ),
    )
    .returning({ id: authSessions.id });
  if (rotated.length > 0) return 'rotated';
  const revoked = await revokeSession(db, sessionId, userId, now);
  return revoked ? 'reused' : 'invalid';
}

/** Revokes a session; returns whether a live one was revoked. */
export async function revokeSession(
  db: Database,
  sessionId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db.orm
    .update(authSessions)
    .set({ revokedAt: now })
    .where(
      and(eq(authSessions.id, sessionId), eq(authSessions.userId, userId), isNull(authSessions.revokedAt)),
    )
    .returning({ id: authSessions.id });
  return rows.length > 0;
}
