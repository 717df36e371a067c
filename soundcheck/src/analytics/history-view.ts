import type { Sql } from '../history/sql.ts';
import type { HistoryView } from '../report/report-model.ts';
import { knownClusters } from './clusters.ts';
import { compareRuns, previousRun } from './compare.ts';
import { flakyTests } from './flaky.ts';
import { mutationView } from './mutation.ts';
import { perfHistory } from './perf-history.ts';
import { durationShifts, runTrends } from './trends.ts';

/** The history's part of a run's dashboard: trends, flaky tests, new vs known failures, slowdowns, perf series. */
export async function historyView(sql: Sql, runId: string): Promise<HistoryView> {
  const previous = await previousRun(sql, runId);
  return {
    trends: await runTrends(sql, 30),
    flaky: await flakyTests(sql, 50, 30),
    sincePrevious: previous ? await compareRuns(sql, previous, runId) : null,
    slowdowns: (await durationShifts(sql, 20, 8)).slowdowns,
    knownClusters: await knownClusters(sql, runId),
    mutation: await mutationView(sql),
    perf: await perfHistory(sql),
  };
}
