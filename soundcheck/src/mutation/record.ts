import type { HistoryStore } from '../history/store.ts';
import { collectMetrics } from '../metrics/collector.ts';
import type { RunInfo } from '../report/run-result.ts';
import type { TestRecord } from '../reporter/test-record.ts';
import type { ModuleVerdict, Survivor } from './judge.ts';

/** The `environment` of mutation runs in the history; trends and flaky-test queries leave them out. */
export const mutationEnvironment = 'mutation';

/** A survivor as a result row: failed, or skipped when it is a documented equivalent. Stable across line shifts. */
function survivorRecord(module: string, s: Survivor): TestRecord {
  const change = `${s.mutator}: ${s.original} → ${s.replacement}`;
  const why = s.status === 'NoCoverage' ? 'no test runs this code' : `survived ${s.testsRun} tests`;
  return {
    id: `mutation:${s.file}:${change}`,
    file: s.file,
    titlePath: [module, `line ${s.line} ${change}`],
    project: mutationEnvironment,
    tags: [mutationEnvironment, module],
    status: s.equivalent ? 'skipped' : 'failed',
    durationMs: 0,
    retries: 0,
    ...(s.equivalent ? { note: `equivalent: ${s.equivalent}` } : {}),
    errors: s.equivalent ? [] : [{ category: 'execution', message: why, attempt: 0 }],
    attachments: [],
    apiCalls: [],
  };
}

/**
 * Records a mutation run in the history: one `test_runs` row (environment `mutation`), the surviving
 * mutants as its results, and per module `mutation_score_pct`, `mutants` and `mutants_survived` metrics.
 */
export async function recordMutationRun(
  store: HistoryStore,
  run: RunInfo,
  verdicts: readonly ModuleVerdict[],
): Promise<void> {
  const records = verdicts.flatMap((v) => v.survivors.map((s) => survivorRecord(v.module, s)));
  const detected = verdicts.reduce((sum, v) => sum + v.killed + v.timedOut, 0);
  const judged = verdicts.reduce((sum, v) => sum + v.killed + v.timedOut + v.survived + v.noCoverage, 0);
  const tally = {
    passed: detected,
    failed: records.filter((r) => r.status === 'failed').length,
    skipped: records.filter((r) => r.status === 'skipped').length,
    flaky: 0,
  };
  const metrics = collectMetrics(records, {
    mutationScorePct: judged ? Math.round((detected / judged) * 1000) / 10 : 0,
  });
  await store.saveRun({ ...run, environment: mutationEnvironment }, tally, records, { ...metrics, tally });
  await store.sql.query(
    `INSERT INTO test_metrics (run_id, name, label, value)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::float8[])`,
    [
      run.id,
      verdicts.flatMap(() => ['mutation_score_pct', 'mutants', 'mutants_survived']),
      verdicts.flatMap((v) => [v.module, v.module, v.module]),
      verdicts.flatMap((v) => [v.scorePct, v.total, v.survived + v.noCoverage]),
    ],
  );
}
