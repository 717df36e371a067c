import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runLoad } from '../../../src/load/run-load.ts';
import { loadScenarioFile } from '../../../src/load/scenario-file.ts';

const file = fileURLToPath(new URL('../../fixtures/load/two-requests.ts', import.meta.url));
const seen: string[] = [];
const server = createServer((req, res) => {
  seen.push(`${req.method} ${req.url}`);
  res.setHeader('content-type', 'application/json');
  res.end('{}');
});
let target = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('load over worker threads', { tags: ['integration', 'harness'] }, () => {
  test('two workers share the VUs, and the merged result counts every request once', async () => {
    seen.length = 0;
    const scenario = await loadScenarioFile(file);
    const result = await runLoad(scenario, { target, workers: 2, source: { file } });
    expect(result.summary.workers).toBe(2);
    expect(result.summary.iterations).toMatchObject({ started: 20, completed: 20, failed: 0 });
    expect(result.summary.byName.map((stats) => [stats.name, stats.requests])).toEqual([
      ['GET /v1/items/{id}', 20],
      ['POST /v1/items', 20],
    ]);
    expect(seen).toHaveLength(40);
    expect(
      seen.filter((line) => line.startsWith('GET')).every((line) => /\/v1\/items\/(11|22|33)$/.test(line)),
    ).toBe(true);
    expect(result.summary.overall.corrected.count).toBe(40);
  });
});
