// npm run bench:history — how fast the history ingests results, and how fast the flaky and trend queries
// answer over 10,000 runs × 100 tests, on PostgreSQL (a throwaway database, dropped at the end).
// Targets (issue #5): ≥ 50,000 results/s ingested; each query < 500 ms.
import { randomBytes } from 'node:crypto';
import { flakyTests } from 'soundcheck/analytics/flaky.ts';
import { durationShifts, runTrends } from 'soundcheck/analytics/trends.ts';
import { cloneDatabase, dropDatabase } from 'soundcheck/fixtures/databases.ts';
import { migrateHistory } from 'soundcheck/history/migrate.ts';
import { connectPostgres } from 'soundcheck/history/sql.ts';
import { HistoryStore } from 'soundcheck/history/store.ts';
import { snapshotFromHistory } from 'soundcheck/metrics/snapshot.ts';
import type { TestRecord, TestStatus } from 'soundcheck/reporter/test-record.ts';
import { checkService, defaultUrls } from 'soundcheck/services/health.ts';

const runs = 10_000;
const testsPerRun = 100;
const concurrency = 4;
const timeLimitMs = 180_000;

let state = 12345;
const random = () => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return state / 2 ** 32;
};

function synthetic(run: number): TestRecord[] {
  return Array.from({ length: testsPerRun }, (_, n) => {
    // Tests 0–4 are flaky (fail 20% of the time), test 99 is broken since run 9,000; the rest pass.
    const status: TestStatus =
      n < 5 && random() < 0.2 ? 'failed' : n === 99 && run >= 9000 ? 'failed' : 'passed';
    return {
      id: `test-${String(n).padStart(3, '0')}`,
      file: `tests/bench/file-${n % 10}.test.ts`,
      titlePath: ['bench', `test ${n}`],
      project: 'unit',
      tags: ['unit', n % 2 ? 'odd' : 'even'],
      status,
      durationMs: 5 + n + random() * 10 + (run > 5000 && n === 50 ? 40 : 0),
      retries: 0,
      errors:
        status === 'failed' ? [{ category: 'execution', message: 'expected 1 to be 2', attempt: 0 }] : [],
      attachments: [],
      apiCalls: [],
    };
  });
}

const ms = (start: number) => Math.round(performance.now() - start);

async function main(): Promise<number> {
  const status = await checkService('postgres', defaultUrls.postgres);
  if (!status.ok) {
    console.error(`bench:history needs PostgreSQL: ${status.reason}`);
    return 1;
  }
  const name = `sc_bench_history_${randomBytes(3).toString('hex')}`;
  const url = await cloneDatabase(defaultUrls.postgres, 'template0', name);
  const sql = await connectPostgres(url);
  try {
    await migrateHistory(sql);
    const store = new HistoryStore(sql);
    console.log(`▸ ${runs} runs × ${testsPerRun} tests into ${name}`);
    const started = performance.now();
    // Runs in one statement (not what is measured), then results as the reporter writes them: a batch per run.
    await sql.query(
      `INSERT INTO test_runs (id, started_at, commit, branch, seed, environment, verdict, host, pid, passed)
       SELECT 'run-' || lpad(i::text, 5, '0'), timestamptz '2026-01-01' + i * interval '1 minute', 'commit-' || (i / 20),
              'main', i, 'bench', 'passed', 'bench', 1, $2 FROM generate_series(0, $1 - 1) i`,
      [runs, testsPerRun],
    );
    let next = 0;
    let ingested = 0;
    const ingestStart = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < runs && performance.now() - started < timeLimitMs) {
          const run = next++;
          const records = synthetic(run);
          await store.addResults(`run-${String(run).padStart(5, '0')}`, records);
          ingested += records.length;
        }
      }),
    );
    const ingestMs = ms(ingestStart);
    const rate = Math.round(ingested / (ingestMs / 1000));
    console.log(
      `✓ ingested ${ingested.toLocaleString('en')} results in ${ingestMs} ms: ${rate.toLocaleString('en')} results/s (target ≥ 50,000)`,
    );

    // Reference: the same rows one INSERT each (what batching saves), on a sample, into a scratch table.
    await sql.exec('CREATE TEMP TABLE scratch (LIKE test_results)');
    const sample = synthetic(0).concat(synthetic(1), synthetic(2), synthetic(3), synthetic(4));
    const rowStart = performance.now();
    for (const r of sample)
      await sql.query(
        'INSERT INTO scratch (run_id, test_id, file, title, project, tags, status, duration_ms, retries) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
        ['x', r.id, r.file, r.titlePath.join(' › '), r.project, r.tags, r.status, r.durationMs, r.retries],
      );
    const rowRate = Math.round(sample.length / (ms(rowStart) / 1000));
    console.log(
      `  reference: one INSERT per row: ${rowRate.toLocaleString('en')} results/s (${Math.round(rate / rowRate)}× slower than batched)`,
    );

    await sql.exec('ANALYZE');
    const queries: Array<[string, () => Promise<unknown>]> = [
      ['flaky tests, last 50 runs', () => flakyTests(sql, 50)],
      ['flaky tests, last 1,000 runs', () => flakyTests(sql, 1000)],
      ['pass-rate trend, last 30 runs', () => runTrends(sql, 30)],
      ['duration shifts, last 20 runs', () => durationShifts(sql, 20)],
      ['/metrics snapshot', () => snapshotFromHistory(sql)],
    ];
    let slowest = 0;
    for (const [label, query] of queries) {
      await query(); // warm the cache: a scrape or a report is never the first query of a server
      const start = performance.now();
      await query();
      const took = ms(start);
      slowest = Math.max(slowest, took);
      console.log(`  ${label.padEnd(32)} ${String(took).padStart(5)} ms`);
    }
    const ok = rate >= 50_000 && slowest < 500 && ingested === runs * testsPerRun;
    console.log(
      `\n${ok ? 'within targets' : 'MISSED a target'}: ${rate.toLocaleString('en')} results/s, slowest query ${slowest} ms`,
    );
    return ok ? 0 : 1;
  } finally {
    await sql.close();
    await dropDatabase(defaultUrls.postgres, name);
  }
}

process.exitCode = await main();
