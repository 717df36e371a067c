import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { hashPassword, type PasswordHashCost } from './passwords.ts';
import { users } from './tables.ts';

/** Creates the first admin from BOOTSTRAP_ADMIN_* when no admin exists; returns whether one was created. */
export async function bootstrapAdmin(
  db: Database,
  admin: Config['bootstrapAdmin'],
  cost: PasswordHashCost,
): Promise<boolean> {
  if (!admin) return false;
  const existing = await db.orm.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  if (existing.length > 0) return false;
  const passwordHash = await hashPassword(admin.password, cost);
  const inserted = await db.orm
    .insert(users)
    .values({ id: uuidv7(), email: admin.email.toLowerCase(), passwordHash, role: 'admin' })
    .onConflictDoNothing()
    .returning({ id: users.id });
  return inserted.length > 0;
}
