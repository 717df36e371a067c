import { listRuns } from '../analytics/runs.ts';
import { HistoryLockedError } from '../history/sql.ts';
import { describeHistoryLocation, openHistory } from '../history/store.ts';
import type { Finding } from './finding.ts';

/** Whether the history opens (within a few seconds), and the state of its newest run. */
export async function historyFindings(): Promise<Finding[]> {
  const where = describeHistoryLocation();
  try {
    const store = await openHistory(undefined, 5000);
    try {
      const [last] = await listRuns(store.sql, 1);
      const lastRun: Finding = last
        ? {
            level: last.verdict === 'passed' || last.verdict === 'running' ? 'ok' : 'warn',
            name: 'last run',
            detail: `${last.id} ${last.verdict}: ${last.passed} passed, ${last.failed} failed, ${last.skipped} skipped`,
            ...(last.verdict === 'passed' || last.verdict === 'running'
              ? {}
              : { fix: `npx soundcheck open ${last.id}   (its dashboard)` }),
          }
        : { level: 'ok', name: 'last run', detail: 'none yet: npm run qa makes the first' };
      return [{ level: 'ok', name: 'history', detail: `${store.sql.backend} at ${where}` }, lastRun];
    } finally {
      await store.close();
    }
  } catch (error) {
    if (error instanceof HistoryLockedError)
      return [
        {
          level: 'ok',
          name: 'history',
          detail: `${where}, open in another process right now (a run ending, serve answering)`,
        },
      ];
    return [
      {
        level: 'warn',
        name: 'history',
        detail: `${(error as Error).message}`,
        fix: 'runs still work without it, unrecorded; fix SOUNDCHECK_HISTORY_URL or SOUNDCHECK_HISTORY_DIR',
      },
    ];
  }
}
