import { historyView } from '../analytics/history-view.ts';
import { describeHistoryLocation, type HistoryStore, openHistory } from '../history/store.ts';
import type { MetricsReport } from '../metrics/collector.ts';
import type { HistoryView } from '../report/report-model.ts';
import type { RunInfo } from '../report/run-result.ts';
import type { Tally, TestRecord } from '../reporter/test-record.ts';

/**
 * A run's record in the history. The history is an aid, not the verdict: when it cannot be opened
 * the run goes on without it and says so, rather than failing the tests.
 */
export class HistorySession {
  private readonly store: HistoryStore | null;
  private readonly run: RunInfo;

  private constructor(store: HistoryStore | null, run: RunInfo) {
    this.store = store;
    this.run = run;
  }

  static async begin(run: RunInfo, log: (line: string) => void): Promise<HistorySession> {
    try {
      const store = await openHistory();
      const crashed = await store.markCrashed();
      if (crashed.length)
        log(`  ! earlier runs that never finished, now marked crashed: ${crashed.join(', ')}`);
      await store.startRun(run);
      log(`  ✓ history at ${describeHistoryLocation()}`);
      return new HistorySession(store, run);
    } catch (error) {
      log(
        `  ! history unavailable at ${describeHistoryLocation()} (${(error as Error).message}); this run will not be recorded`,
      );
      return new HistorySession(null, run);
    }
  }

  readonly sink = async (records: TestRecord[]): Promise<void> => {
    await this.store?.addResults(this.run.id, records);
  };

  /** Reads from the history during the run (null without one): `work` gets the open store's SQL. */
  async read<T>(work: (sql: HistoryStore['sql']) => Promise<T>): Promise<T | null> {
    return this.store ? work(this.store.sql) : null;
  }

  async finish(run: RunInfo, tally: Tally, metrics: MetricsReport): Promise<HistoryView | null> {
    if (!this.store) return null;
    await this.store.finishRun(run, tally, metrics);
    return historyView(this.store.sql, run.id);
  }

  async close(): Promise<void> {
    await this.store?.close();
  }
}
