import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { listRuns } from '../analytics/runs.ts';
import { describeHistoryLocation, sharedHistory } from '../history/store.ts';
import { historyServer } from '../metrics/server.ts';
import { print } from './table.ts';
import { positiveInt } from './with-history.ts';

/** `soundcheck serve [--port 9464]`: the dashboard over the whole history, and `/metrics`, until stopped. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'report-dir': { type: 'string' } },
  });
  const port = positiveInt(values.port, 9464, '--port');
  const host = values.host ?? '127.0.0.1';
  print(`▸ history: ${describeHistoryLocation()}`);
  const history = sharedHistory();
  // Fail now, in one line, when the history cannot be read, rather than on the first page.
  await history.use((store) => listRuns(store.sql, 1));
  const server = historyServer(history.use, values['report-dir'] ?? 'reports');
  server.listen(port, host);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => Promise.reject(error)),
  ]);
  print(
    `✓ serving http://${host}:${port}/ (dashboard) and http://${host}:${port}/metrics (Prometheus); Ctrl-C stops`,
  );
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  server.close();
  await history.close();
  print('stopped');
  return 0;
}
