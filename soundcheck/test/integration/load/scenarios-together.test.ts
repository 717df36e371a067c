import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineScenario } from '../../../src/load/define-scenario.ts';
import { decodeHistogram, percentilesOf } from '../../../src/load/histogram.ts';
import type { LoadReportFile } from '../../../src/load/report-file.ts';
import { combinedStats, runScenarios } from '../../../src/load/run-scenarios.ts';

const cli = fileURLToPath(new URL('../../../src/cli.ts', import.meta.url));
const fixture = fileURLToPath(new URL('../../fixtures/load/two-scenarios.ts', import.meta.url));
let server: Server;
let target: string;

beforeAll(async () => {
  server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const quick = (name: string, path: string, thresholds = {}) =>
  defineScenario({
    name,
    executor: { type: 'per-vu-iterations', vus: 2, iterations: 6 },
    thresholds,
    iteration: async ({ http }, _data: unknown) => {
      await http.get(path);
    },
  });

describe('several scenarios in one run', { tags: ['integration', 'harness'], timeout: 60_000 }, () => {
  test('each is reported on its own, and all their requests as one with the histograms added exactly', async () => {
    const results = await runScenarios([quick('a', '/a'), quick('b', '/b/12')], { target });
    expect(results.map((r) => [r.summary.scenario, r.summary.overall.requests])).toEqual([
      ['a', 12],
      ['b', 12],
    ]);
    expect(results[1]?.summary.byName.map((stats) => stats.name)).toEqual(['GET /b/{id}']);
    const all = combinedStats(results);
    // The reference: the two overall histograms decoded and added by hand.
    const reference = decodeHistogram(results[0]?.histograms.overall.corrected as string);
    reference.add(decodeHistogram(results[1]?.histograms.overall.corrected as string));
    expect(all.requests).toBe(24);
    expect(all.corrected).toEqual(percentilesOf(reference));
  });

  test('a threshold that aborts one scenario stops the others, saying why', async () => {
    const failing = defineScenario({
      name: 'failing',
      executor: { type: 'constant-arrival-rate', rate: 20, duration: '30s', maxVUs: 5 },
      thresholds: { http_req_duration: [{ threshold: 'p(50)<0.001', abortOnFail: true }] },
      iteration: async ({ http }, _data: unknown) => {
        await http.get('/fail');
      },
    });
    const long = defineScenario({
      name: 'long',
      executor: { type: 'constant-arrival-rate', rate: 20, duration: '30s', maxVUs: 5 },
      iteration: async ({ http }, _data: unknown) => {
        await http.get('/long');
      },
    });
    const started = performance.now();
    const [first, second] = await runScenarios([failing, long], { target });
    expect(first?.summary.aborted).toMatch(/^threshold http_req_duration p\(50\)<0\.001 failed/);
    expect(second?.summary.aborted).toMatch(/^scenario failing: threshold http_req_duration/);
    expect(second?.summary.passed).toBe(true);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  test('soundcheck load on a file exporting two scenarios runs both: a result file each and a combined table', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'soundcheck-scenarios-'));
    try {
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          [cli, 'load', fixture, '--target', target, '--report-dir', folder],
          (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
        ),
      );
      const read = (name: string) =>
        (JSON.parse(readFileSync(path.join(folder, 'performance', `${name}.json`), 'utf8')) as LoadReportFile)
          .load.summary;
      expect(read('reads').overall.requests).toBe(10);
      expect(read('writes').overall.requests).toBe(10);
      expect(stdout).toMatch(/^\s*reads\s+10\s/m);
      expect(stdout).toMatch(/^\s*writes\s+10\s/m);
      expect(stdout).toMatch(/^\s*all scenarios\s+20\s/m);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
