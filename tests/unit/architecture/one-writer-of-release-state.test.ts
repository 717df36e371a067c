import { describe, expect, test } from 'vitest';
import { otherReleaseStateWriters, releaseStateWriter } from '../../architecture/release-state-writers.ts';

const planted: Record<string, string> = {
  'api/src/drizzle.ts':
    "await tx.update(releases).set({ state: 'live', updatedAt: now }).where(eq(releases.id, id));",
  'api/src/shorthand.ts': 'await orm\n  .update(releases)\n  .set({ firstDeliveredAt })\n  .where(cond);',
  'tests/raw-sql.test.ts':
    "await db.query('UPDATE releases SET first_delivered_at = now() WHERE id = $1', [id]);",
  'api/src/edit.ts':
    'await tx.update(releases).set({ ...columnsOf(body), updatedAt: now }).where(eq(releases.id, id));',
  [releaseStateWriter]: 'await tx.update(releases).set({ state: to, updatedAt: now })',
};

describe('one writer of release state', { tags: ['unit', 'workflow'] }, () => {
  test(`no file but ${releaseStateWriter} writes releases.state or first_delivered_at`, () => {
    expect(otherReleaseStateWriters()).toEqual([]);
  });

  test('the check finds a Drizzle or SQL write of either column elsewhere, and leaves other edits alone', () => {
    const found = otherReleaseStateWriters(Object.keys(planted), (file) => planted[file] ?? '');
    expect(found.map((finding) => finding.split(' ')[0])).toEqual([
      'api/src/drizzle.ts:1',
      'api/src/shorthand.ts:2',
      'tests/raw-sql.test.ts:1',
    ]);
  });
});
