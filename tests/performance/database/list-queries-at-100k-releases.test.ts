import type { Database } from '@soundcheck/api/db/database.ts';
import pg from 'pg';
import { vi } from 'vitest';
import { type SignedInUser, signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/**
 * 100 000 releases over 20 labels, inserted by one INSERT … SELECT (the API would take an hour); the
 * manager's own label holds 5 000 of them. ANALYZE gives the planner the real proportions.
 */
async function seedCatalogue(db: Database, manager: SignedInUser): Promise<void> {
  await db.exec(`
    INSERT INTO labels (id, name) SELECT gen_random_uuid(), 'Bulk label ' || g FROM generate_series(1, 19) g;
    WITH label_ids AS (
      SELECT array_agg(id ORDER BY id) AS ids FROM labels WHERE name LIKE 'Bulk label %'
    )
    INSERT INTO releases (id, label_id, created_by, state, title, release_type, upc, genre, language,
                          parental_advisory, p_line_year, p_line_owner, c_line_year, c_line_owner,
                          release_date, territories, created_at)
    SELECT gen_random_uuid(),
           CASE WHEN g % 20 = 0 THEN '${manager.labelId}'::uuid ELSE (SELECT ids[1 + g % 19] FROM label_ids) END,
           '${manager.id}'::uuid,
           (ARRAY['draft', 'submitted', 'in_review', 'approved', 'delivered', 'live'])[1 + g % 6],
           'Bulk release ' || g, 'single', '8' || lpad(g::text, 12, '0'), 'Pop', 'en', 'not_explicit',
           2030, 'Bulk', 2030, 'Bulk', date '2030-01-01' + g % 1500, '{"mode":"worldwide"}',
           now() - g * interval '1 second'
    FROM generate_series(1, 100000) g;
    ANALYZE labels; ANALYZE releases;`);
}

/** The SQL statements reading `releases` that the API runs while `work` goes on. */
async function statementsOf(
  work: () => Promise<unknown>,
): Promise<Array<{ text: string; values: unknown[] }>> {
  const seen: Array<{ text: string; values: unknown[] }> = [];
  const original = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const config = args[0] as { text?: string; values?: unknown[] } | string;
    if (typeof config === 'object' && config.text && /from "releases"/i.test(config.text))
      seen.push({ text: config.text, values: config.values ?? (Array.isArray(args[1]) ? args[1] : []) });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query);
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return seen;
}

describe('list queries at 100k releases', {
  tags: ['performance', 'database', 'slow', 'long'],
}, () => {
  test('every list of releases the API serves reads them through an index', async ({
    api,
    admin,
    db,
    skip,
  }) => {
    if (db.backend !== 'postgres') skip('needs PostgreSQL: the plans of PGlite are not the production ones');
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    await seedCatalogue(db, manager);
    const lists = [
      [manager, '/v1/releases'],
      [manager, '/v1/releases?state=approved'],
      [manager, '/v1/releases?sort=releaseDate'],
      [admin, '/v1/releases'],
      [admin, `/v1/releases?labelId=${manager.labelId}`],
      [admin, '/v1/releases?state=in_review'],
      [admin, '/v1/releases?sort=releaseDate'],
      [admin, '/v1/releases?sort=-releaseDate'],
      [admin, '/v1/releases?sort=title'],
    ] as const;
    for (const [who, path] of lists) {
      const statements = await statementsOf(async () => {
        const first = await api.as(who).get<{ nextCursor: string | null }>(path);
        expect(first.status, path).toBe(200);
        // The second page too: its keyset condition must not turn the scan sequential.
        const cursor = first.body.nextCursor;
        if (cursor)
          expect(
            (await api.as(who).get(`${path}${path.includes('?') ? '&' : '?'}cursor=${cursor}`)).status,
          ).toBe(200);
      });
      expect(statements.length, path).toBeGreaterThan(0);
      for (const { text, values } of statements) {
        const [row] = await db.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
          `EXPLAIN (FORMAT JSON) ${text}`,
          values,
        );
        const scans = nodes(row!['QUERY PLAN'][0]!.Plan).filter(
          (node) => node['Relation Name'] === 'releases',
        );
        expect(
          scans.map((node) => node['Node Type']),
          `${path}: ${text}`,
        ).not.toContain('Seq Scan');
      }
    }
  });
});
