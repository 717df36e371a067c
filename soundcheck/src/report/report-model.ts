import type { KnownCluster } from '../analytics/clusters.ts';
import type { RunComparison } from '../analytics/compare.ts';
import type { FlakyTest } from '../analytics/flaky.ts';
import type { MutationView } from '../analytics/mutation.ts';
import type { PerfHistory } from '../analytics/perf-history.ts';
import type { RunTrendPoint, TestDurationTrend } from '../analytics/trends.ts';
import type { SectionEntry } from './extra-sections.ts';
import type { LastComparison } from './perf/last-comparison.ts';
import type { RunResult } from './run-result.ts';

/** What the history says about a run; absent when the history could not be opened. */
export interface HistoryView {
  trends: RunTrendPoint[];
  flaky: FlakyTest[];
  /** Against the previous finished run: which failures are new and which were already failing. */
  sincePrevious: RunComparison | null;
  slowdowns: TestDurationTrend[];
  /** This run's failure signatures that earlier runs had too: "known failure (seen in 5 runs since …)". */
  knownClusters: KnownCluster[];
  /** Mutation scores per module and the surviving mutants, from the mutation runs. */
  mutation?: MutationView;
  /** Performance figures across runs and bench runs (`perf_*` in test_metrics). */
  perf?: PerfHistory;
}

export interface CoverageTotals {
  lines: number;
  statements: number;
  functions: number;
  branches: number;
}

/** Everything `index.html` shows. */
export interface ReportModel {
  result: RunResult;
  history: HistoryView | null;
  coverage: CoverageTotals | null;
  performance: SectionEntry[];
  /** The newest `perf compare` of the reports folder, if any. */
  lastComparison: LastComparison | null;
  security: SectionEntry[];
}
