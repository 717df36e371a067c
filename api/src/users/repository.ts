import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../auth/roles.ts';
import type { Database } from '../db/database.ts';
import { users } from './tables.ts';

export type UserRow = typeof users.$inferSelect;

/** The account a login names (e-mails compare case-insensitively), deleted ones excluded. */
export async function findUserByEmail(db: Database, email: string): Promise<UserRow | null> {
  const rows = await db.orm
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.deletedAt)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findUserById(db: Database, id: string): Promise<UserRow | null> {
  const rows = await db.orm
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .limit(1);
  return rows[0] ?? null;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  role: Role;
  labelId: string | null;
  partnerId: string | null;
}

/** Inserts an account; null when the e-mail is taken (the unique index on lower(email) decides). */
export async function insertUser(db: Database, user: NewUser): Promise<UserRow | null> {
  const rows = await db.orm
    .insert(users)
    .values({ id: uuidv7(), ...user, email: user.email.toLowerCase() })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

export interface UserChanges {
  role?: Role;
  active?: boolean;
  passwordHash?: string;
}

/** Applies `changes`; a new password also bumps token_version, ending every session of the account. */
export async function updateUser(
  db: Database,
  id: string,
  changes: UserChanges,
  now: Date,
): Promise<UserRow> {
  const rows = await db.orm
    .update(users)
    .set({
      ...changes,
      updatedAt: now,
      ...(changes.passwordHash ? { tokenVersion: sql`${users.tokenVersion} + 1` } : {}),
    })
    .where(eq(users.id, id))
    .returning();
  const row = rows[0];
  if (!row) throw new Error(`user ${id} vanished during update`);
  return row;
}

/** Retires an account: it can no longer sign in and its tokens stop working (token_version bump). */
export async function softDeleteUser(db: Database, id: string, now: Date): Promise<void> {
  await db.orm
    .update(users)
    .set({ deletedAt: now, active: false, updatedAt: now, tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(eq(users.id, id));
}

/** One page of the accounts not deleted that match `where`, in `orderBy`. */
export async function listUserRows(
  db: Database,
  where: (SQL | undefined)[],
  orderBy: SQL[],
  limit: number,
): Promise<UserRow[]> {
  return db.orm
    .select()
    .from(users)
    .where(and(isNull(users.deletedAt), ...where))
    .orderBy(...orderBy)
    .limit(limit);
}
