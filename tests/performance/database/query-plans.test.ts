import { sql } from 'drizzle-orm';
import { describe, expect, test } from '../../utils/test.ts';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

// The queries every page or job runs, by the access path they need. With sequential scans priced out,
// a plan that still reads the table sequentially means no index serves the query: it would be fast on
// a test database of ten rows and slow on a catalogue of a million.
const hotQueries: Array<[string, string, string]> = [
  ['login by e-mail', 'users', `SELECT id FROM users WHERE lower(email) = 'someone@example.test'`],
  [
    'a label’s releases, newest first',
    'releases',
    `SELECT id FROM releases WHERE label_id = '00000000-0000-7000-8000-000000000001' ORDER BY created_at DESC, id DESC LIMIT 26`,
  ],
  ['a release by UPC', 'releases', `SELECT id FROM releases WHERE upc = '0012345678905'`],
  [
    'a release’s tracks in order',
    'tracks',
    `SELECT id FROM tracks WHERE release_id = '00000000-0000-7000-8000-000000000001' ORDER BY disc_number, track_number`,
  ],
  [
    'a release’s history',
    'release_events',
    `SELECT id FROM release_events WHERE release_id = '00000000-0000-7000-8000-000000000001' ORDER BY id LIMIT 26`,
  ],
  [
    'a release’s deliveries',
    'deliveries',
    `SELECT id FROM deliveries WHERE release_id = '00000000-0000-7000-8000-000000000001'`,
  ],
  [
    'deliveries the sweeper must look at',
    'deliveries',
    `SELECT id FROM deliveries WHERE state IN ('queued', 'packaging', 'uploading', 'uploaded')`,
  ],
  [
    'a delivery’s events',
    'delivery_events',
    `SELECT id FROM delivery_events WHERE delivery_id = '00000000-0000-7000-8000-000000000001' ORDER BY id`,
  ],
  [
    'a user’s sessions',
    'auth_sessions',
    `SELECT id FROM auth_sessions WHERE user_id = '00000000-0000-7000-8000-000000000001'`,
  ],
];

describe('query plans of the hot queries', { tags: ['performance', 'database'] }, () => {
  test.for(hotQueries)('%s reads %s through an index', async ([, table, query], { db }) => {
    const plan = await db.orm.transaction(async (tx) => {
      await tx.execute(sql.raw('SET LOCAL enable_seqscan = off'));
      const result = await tx.execute(sql.raw(`EXPLAIN (FORMAT JSON) ${query}`));
      const [row] = (result as unknown as { rows: Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }> }).rows;
      return row!['QUERY PLAN'][0]!.Plan;
    });
    const scans = nodes(plan).filter((node) => node['Relation Name'] === table);
    expect(scans.length).toBeGreaterThan(0);
    expect(scans.map((node) => node['Node Type'])).not.toContain('Seq Scan');
  });
});
