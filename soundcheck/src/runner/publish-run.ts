import { pushRunMetrics } from '../metrics/pushgateway.ts';
import type { HistoryView } from '../report/report-model.ts';
import type { RunResult } from '../report/run-result.ts';
import { writeRunFolder } from '../report/write-run-folder.ts';

/** The end of a run: its folder, then the push to a Pushgateway when `SOUNDCHECK_PUSHGATEWAY_URL` asks for one. */
export async function publishRun(
  folder: string,
  result: RunResult,
  history: HistoryView | null,
  log: (line: string) => void,
  env = process.env,
): Promise<void> {
  writeRunFolder(folder, result, history);
  if (env.SOUNDCHECK_PUSHGATEWAY_URL)
    await pushRunMetrics(env.SOUNDCHECK_PUSHGATEWAY_URL, result.run, result.metrics, log);
}
