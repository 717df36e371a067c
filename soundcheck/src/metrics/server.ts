import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { flakyTests } from '../analytics/flaky.ts';
import { mutationView } from '../analytics/mutation.ts';
import { listRuns } from '../analytics/runs.ts';
import { runTrends } from '../analytics/trends.ts';
import type { HistoryAccess } from '../history/store.ts';
import { renderHistoryPage } from '../report/history-page.ts';
import { registryFor } from './registry.ts';
import { snapshotFromHistory } from './snapshot.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

/**
 * The history over HTTP: `/` (every run, trends, flaky tests), `/runs/<id>/…` (a run folder as written),
 * and `/metrics` for Prometheus, computed from the history at each scrape.
 */
export function historyServer(use: HistoryAccess, reportDir: string): Server {
  const root = path.resolve(reportDir);
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const answer = async () => {
      if (url.pathname === '/metrics') {
        const registry = registryFor(await use((store) => snapshotFromHistory(store.sql)));
        response.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
        return;
      }
      if (url.pathname === '/') {
        const page = await use(async (store) =>
          renderHistoryPage(
            await listRuns(store.sql, 200),
            await runTrends(store.sql, 50),
            await flakyTests(store.sql, 50, 50),
            await mutationView(store.sql),
          ),
        );
        response.writeHead(200, { 'content-type': types['.html'] }).end(page);
        return;
      }
      const file = path.resolve(root, `.${decodeURIComponent(url.pathname.replace(/^\/runs/, ''))}`);
      // Only files inside the report directory, never ../ out of it.
      if (
        url.pathname.startsWith('/runs/') &&
        file.startsWith(`${root}${path.sep}`) &&
        existsSync(file) &&
        statSync(file).isFile()
      ) {
        response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(response);
        return;
      }
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${url.pathname}\n`);
    };
    answer().catch((error: Error) => {
      response
        .writeHead(500, { 'content-type': 'text/plain' })
        .end(`history unavailable: ${error.message}\n`);
    });
  });
}
