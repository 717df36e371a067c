import { and, eq, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/database.ts';
import { violatedConstraint } from '../db/unique-violation.ts';
import { labels } from './tables.ts';

export type LabelRow = typeof labels.$inferSelect;

export async function findLabel(db: Database, id: string): Promise<LabelRow | null> {
  const rows = await db.orm.select().from(labels).where(eq(labels.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Inserts a label; null when its DPID is already taken. */
export async function insertLabel(
  db: Database,
  label: { name: string; dpid: string | null },
): Promise<LabelRow | null> {
  const rows = await db.orm
    .insert(labels)
    .values({ id: uuidv7(), ...label })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

/** Updates a label; null when the new DPID is already another label's. */
export async function updateLabelRow(
  db: Database,
  id: string,
  changes: { name?: string; dpid?: string | null },
  now: Date,
): Promise<LabelRow | null> {
  try {
    const rows = await db.orm
      .update(labels)
      .set({ ...changes, updatedAt: now })
      .where(eq(labels.id, id))
      .returning();
    return rows[0] ?? null;
  } catch (error) {
    if (violatedConstraint(error) !== null) return null;
    throw error;
  }
}

export async function listLabelRows(
  db: Database,
  where: (SQL | undefined)[],
  orderBy: SQL[],
  limit: number,
): Promise<LabelRow[]> {
  return db.orm
    .select()
    .from(labels)
    .where(and(...where))
    .orderBy(...orderBy)
    .limit(limit);
}
