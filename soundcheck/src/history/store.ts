import { hostname } from 'node:os';
import path from 'node:path';
import type { MetricsReport } from '../metrics/collector.ts';
import type { RunInfo } from '../report/run-result.ts';
import type { Tally, TestRecord } from '../reporter/test-record.ts';
import { areasOf } from '../triage/area.ts';
import { decidingError, failureSignature } from '../triage/signature.ts';
import { UserError } from '../user-error.ts';
import { migrateHistory } from './migrate.ts';
import { connectPostgres, openEmbedded, processAlive, type Sql } from './sql.ts';

const arrayLiteral = (items: readonly string[]) => `{${items.map((item) => JSON.stringify(item)).join(',')}}`;

/** A failed test's signature, for clusters across runs; other statuses have none. */
function signatureOf(record: TestRecord): string | null {
  const error = record.status === 'failed' ? decidingError(record) : undefined;
  return error ? failureSignature(error) : null;
}

/** Rows per INSERT: large enough to amortise the round trip, small enough to keep parameters modest. */
const batchSize = 5000;

/** Where the history lives: `SOUNDCHECK_HISTORY_URL` (PostgreSQL), else PGlite under `.soundcheck/history`. */
export function historyLocation(env = process.env, cwd = process.cwd()): { url: string } | { dir: string } {
  if (env.SOUNDCHECK_HISTORY_URL) return { url: env.SOUNDCHECK_HISTORY_URL };
  return { dir: path.resolve(cwd, env.SOUNDCHECK_HISTORY_DIR || '.soundcheck/history') };
}

/** The history's location for a log line: the PostgreSQL host (never the credentials), or the directory. */
export function describeHistoryLocation(location = historyLocation()): string {
  return 'url' in location ? new URL(location.url).host : location.dir;
}

/** Opens the history; the embedded one waits up to `waitMs` while another process has it open. */
export async function openHistory(location = historyLocation(), waitMs?: number): Promise<HistoryStore> {
  const sql = await ('url' in location
    ? connectPostgres(location.url)
    : openEmbedded(location.dir, waitMs)
  ).catch((error: NodeJS.ErrnoException) => {
    if (error instanceof UserError) throw error;
    const why = `${error.code ?? ''} ${error.message}`.trim();
    throw new UserError(
      'url' in location
        ? `the history at ${describeHistoryLocation(location)} is unreachable (${why}): start PostgreSQL there, or fix SOUNDCHECK_HISTORY_URL`
        : `the history at ${location.dir} cannot be opened (${why}): point SOUNDCHECK_HISTORY_DIR at a writable folder, or move this one aside to start a new history`,
    );
  });
  await migrateHistory(sql);
  return new HistoryStore(sql);
}

export type HistoryAccess = <T>(work: (store: HistoryStore) => Promise<T>) => Promise<T>;

/**
 * The history for a long-lived reader (`serve`): PostgreSQL stays connected; the embedded store is opened
 * for each use and closed after it (one use at a time), so a run can record itself in between.
 */
export function sharedHistory(location = historyLocation()): { use: HistoryAccess; close(): Promise<void> } {
  let connected: Promise<HistoryStore> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const use: HistoryAccess = (work) => {
    if ('url' in location) {
      connected ??= openHistory(location);
      return connected.then(work);
    }
    const next = queue.then(async () => {
      const store = await openHistory(location, 15_000);
      try {
        return await work(store);
      } finally {
        await store.close();
      }
    });
    queue = next.catch(() => {});
    return next;
  };
  return { use, close: async () => (connected ? (await connected).close() : undefined) };
}

/** The `test_runs`, `test_results`, `test_metrics` and `test_artifacts` of every run. */
export class HistoryStore {
  readonly sql: Sql;

  constructor(sql: Sql) {
    this.sql = sql;
  }

  /** Records a run as `running` before any result, so a crash leaves a trace rather than nothing. */
  async startRun(run: RunInfo): Promise<void> {
    await this.sql.query(
      `INSERT INTO test_runs (id, started_at, commit, branch, seed, environment, shard, verdict, host, pid)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'running', $8, $9)`,
      [
        run.id,
        run.startedAt,
        run.commit,
        run.branch,
        run.seed,
        run.environment,
        run.shard,
        hostname(),
        process.pid,
      ],
    );
  }

  /** Appends results in multi-row batches (one `unnest` of column arrays per batch). */
  async addResults(runId: string, records: readonly TestRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += batchSize) {
      const batch = records.slice(start, start + batchSize);
      await this.sql.query(
        `INSERT INTO test_results (run_id, test_id, file, title, project, tags, status, duration_ms, retries, category,
                                   error_message, signature, areas)
         SELECT $1, t, f, ti, p, tg::text[], s, d, r, c, e, sg, ar::text[]
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::float8[], $9::int[], $10::text[], $11::text[], $12::text[], $13::text[])
              AS u(t, f, ti, p, tg, s, d, r, c, e, sg, ar)`,
        [
          runId,
          batch.map((r) => r.id),
          batch.map((r) => r.file),
          batch.map((r) => r.titlePath.join(' › ')),
          batch.map((r) => r.project),
          // A text[] column from one text[] parameter: tags and areas travel as literals, one per row.
          batch.map((r) => arrayLiteral(r.tags)),
          batch.map((r) => r.status),
          batch.map((r) => r.durationMs),
          batch.map((r) => r.retries),
          batch.map((r) => r.category ?? null),
          batch.map((r) => r.errors.at(-1)?.message.slice(0, 2000) ?? null),
          batch.map((r) => signatureOf(r)),
          batch.map((r) => arrayLiteral(areasOf(r))),
        ],
      );
      await this.addArtifacts(runId, batch);
    }
  }

  private async addArtifacts(runId: string, records: readonly TestRecord[]): Promise<void> {
    const rows = records.flatMap((r) => r.attachments.map((a) => ({ testId: r.id, ...a })));
    if (!rows.length) return;
    await this.sql.query(
      `INSERT INTO test_artifacts (run_id, test_id, name, path, content_type)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])`,
      [
        runId,
        rows.map((r) => r.testId),
        rows.map((r) => r.name),
        rows.map((r) => r.path),
        rows.map((r) => r.contentType ?? null),
      ],
    );
  }

  /** Records run-level artifacts (the report itself, a screenshot) that belong to no test. */
  async addRunArtifact(runId: string, name: string, filePath: string, contentType: string): Promise<void> {
    await this.sql.query(
      'INSERT INTO test_artifacts (run_id, test_id, name, path, content_type) VALUES ($1, NULL, $2, $3, $4)',
      [runId, name, filePath, contentType],
    );
  }

  async finishRun(run: RunInfo, tally: Tally, metrics: MetricsReport): Promise<void> {
    await this.sql.query(
      `UPDATE test_runs SET finished_at = $2, verdict = $3, passed = $4, failed = $5, skipped = $6, flaky = $7,
              duration_ms = $8 WHERE id = $1`,
      [
        run.id,
        run.finishedAt,
        run.verdict,
        tally.passed,
        tally.failed,
        tally.skipped,
        tally.flaky,
        metrics.totalDurationMs,
      ],
    );
    const figures: Array<[string, string, number]> = [
      ['duration_p50_ms', '', metrics.testDurations.p50Ms],
      ['duration_p95_ms', '', metrics.testDurations.p95Ms],
      ...metrics.routes.map((r): [string, string, number] => ['api_p95_ms', r.route, r.p95Ms]),
      ...metrics.routes.map((r): [string, string, number] => ['api_calls', r.route, r.count]),
    ];
    if (metrics.coveragePct !== undefined) figures.push(['coverage_pct', '', metrics.coveragePct]);
    if (metrics.mutationScorePct !== undefined)
      figures.push(['mutation_score_pct', '', metrics.mutationScorePct]);
    for (const figure of metrics.perf ?? []) figures.push([figure.name, figure.label, figure.value]);
    await this.sql.query(
      `INSERT INTO test_metrics (run_id, name, label, value)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::float8[])
       ON CONFLICT (run_id, name, label) DO UPDATE SET value = excluded.value`,
      [run.id, figures.map((f) => f[0]), figures.map((f) => f[1]), figures.map((f) => f[2])],
    );
  }

  /** Stores a whole finished run at once (`report` and `merge`): replaces what was there under its id. */
  async saveRun(
    run: RunInfo,
    tally: Tally,
    tests: readonly TestRecord[],
    metrics: MetricsReport,
  ): Promise<void> {
    await this.sql.query('DELETE FROM test_runs WHERE id = $1', [run.id]);
    await this.startRun(run);
    await this.addResults(run.id, tests);
    await this.finishRun(run, tally, metrics);
  }

  /**
   * Marks as `crashed` the runs of this host still `running` whose process is gone (killed, out of memory,
   * power cut), first recording the results `written` returns for each. Runs of other hosts are left
   * alone: their process may well be alive.
   */
  async markCrashed(written: (runId: string) => readonly TestRecord[] = () => []): Promise<string[]> {
    const running = await this.sql.query<{ id: string; pid: number }>(
      "SELECT id, pid FROM test_runs WHERE verdict = 'running' AND host = $1",
      [hostname()],
    );
    const dead = running.filter((run) => !processAlive(run.pid)).map((run) => run.id);
    // The results a dead run had written down (its journal) but not yet recorded.
    for (const id of dead) await this.addResults(id, written(id));
    // Counts from the results it did write; a run that died before its first result gets zeros.
    if (dead.length)
      await this.sql.query(
        `UPDATE test_runs SET verdict = 'crashed', finished_at = coalesce(finished_at, now()),
           passed = s.passed, failed = s.failed, skipped = s.skipped, flaky = s.flaky
         FROM (SELECT d.id, count(*) FILTER (WHERE t.status = 'passed')::int AS passed,
                      count(*) FILTER (WHERE t.status = 'failed')::int AS failed,
                      count(*) FILTER (WHERE t.status = 'skipped')::int AS skipped,
                      count(*) FILTER (WHERE t.status = 'flaky')::int AS flaky
               FROM unnest($1::text[]) AS d(id) LEFT JOIN test_results t ON t.run_id = d.id GROUP BY d.id) s
         WHERE test_runs.id = s.id`,
        [dead],
      );
    return dead;
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
