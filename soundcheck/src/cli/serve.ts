import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { historyLocation, openHistory } from '../history/store.ts';
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
  const location = historyLocation();
  print(`▸ history: ${'url' in location ? new URL(location.url).host : location.dir}`);
  const store = await openHistory(location);
  const server = historyServer(store, values['report-dir'] ?? 'reports');
  server.listen(port, host);
  await once(server, 'listening');
  print(
    `✓ serving http://${host}:${port}/ (dashboard) and http://${host}:${port}/metrics (Prometheus); Ctrl-C stops`,
  );
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  server.close();
  await store.close();
  print('stopped');
  return 0;
}
