import { historyView } from '../analytics/history-view.ts';
import { appendToJournal, journalDir, readJournal, removeJournal } from '../history/journal.ts';
import { describeHistoryLocation, type HistoryStore, openHistory } from '../history/store.ts';
import type { MetricsReport } from '../metrics/collector.ts';
import type { HistoryView } from '../report/report-model.ts';
import type { RunInfo } from '../report/run-result.ts';
import type { Tally, TestRecord } from '../reporter/test-record.ts';

async function withStore<T>(work: (store: HistoryStore) => Promise<T>): Promise<T> {
  const store = await openHistory();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * A run's record in the history. The store is opened only to start the run and to record its results at
 * the end; in between, results go to the run's journal, so other processes can read (or serve) the
 * embedded history while the run goes on. The history is an aid, not the verdict: when it cannot be
 * opened the run goes on without it and says so, rather than failing the tests.
 */
export class HistorySession {
  private readonly run: RunInfo;
  private readonly journal: string | null;
  private readonly log: (line: string) => void;

  private constructor(run: RunInfo, journal: string | null, log: (line: string) => void) {
    this.run = run;
    this.journal = journal;
    this.log = log;
  }

  static async begin(run: RunInfo, log: (line: string) => void): Promise<HistorySession> {
    const journal = journalDir();
    try {
      const crashed = await withStore(async (store) => {
        const dead = await store.markCrashed((id) => readJournal(journal, id));
        await store.startRun(run);
        return dead;
      });
      for (const id of crashed) removeJournal(journal, id);
      if (crashed.length)
        log(`  ! earlier runs that never finished, now marked crashed: ${crashed.join(', ')}`);
      log(`  ✓ history at ${describeHistoryLocation()}`);
      return new HistorySession(run, journal, log);
    } catch (error) {
      log(
        `  ! history unavailable at ${describeHistoryLocation()} (${(error as Error).message}); this run will not be recorded`,
      );
      return new HistorySession(run, null, log);
    }
  }

  readonly sink = async (records: TestRecord[]): Promise<void> => {
    if (this.journal) appendToJournal(this.journal, this.run.id, records);
  };

  /** Reads from the history during the run (null without one), opening it for just that read. */
  async read<T>(work: (sql: HistoryStore['sql']) => Promise<T>): Promise<T | null> {
    return this.journal ? withStore((store) => work(store.sql)) : null;
  }

  async finish(run: RunInfo, tally: Tally, metrics: MetricsReport): Promise<HistoryView | null> {
    const journal = this.journal;
    if (!journal) return null;
    try {
      const view = await withStore(async (store) => {
        await store.addResults(run.id, readJournal(journal, run.id));
        await store.finishRun(run, tally, metrics);
        return historyView(store.sql, run.id);
      });
      removeJournal(journal, run.id);
      return view;
    } catch (error) {
      // The journal stays: the next run records these results, with this run marked crashed.
      this.log(`  ! could not record the run in the history (${(error as Error).message})`);
      return null;
    }
  }
}
