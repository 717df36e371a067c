import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { writeRunFolder } from '../../src/report/write-run-folder.ts';
import {
  sampleComparison,
  sampleLoadEntry,
  samplePerfHistory,
  sampleStressEntry,
} from '../support/sample-perf.ts';
import { sampleHistory, sampleRun } from '../support/sample-run.ts';

// Debian's chromium; never a downloaded browser.
const chromiumPath = '/usr/bin/chromium';
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('the run dashboard in a real browser', {
  tags: ['integration', 'reporting'],
  timeout: 60_000,
}, () => {
  // A reports folder as `soundcheck run` and `perf compare` leave it: <reports>/<run>/ and <reports>/perf-compare/.
  const reports = mkdtempSync(path.join(tmpdir(), 'soundcheck-dashboard-'));
  const folder = path.join(reports, '20261125-101500-abcd');
  afterAll(() => rmSync(reports, { recursive: true, force: true }));

  /** The performance suites' entries and the last comparison, as they write them. */
  const writePerformanceFiles = () => {
    mkdirSync(path.join(folder, 'performance'), { recursive: true });
    mkdirSync(path.join(reports, 'perf-compare'));
    const json = (file: string, value: unknown) => writeFileSync(file, JSON.stringify(value));
    json(path.join(folder, 'performance', 'load-catalog-browse.json'), sampleLoadEntry());
    json(path.join(folder, 'performance', 'stress-catalog-browse.json'), sampleStressEntry());
    json(path.join(reports, 'perf-compare', '2026-11-25T09-40-00-000Z.json'), sampleComparison());
  };

  test('opens from disk with no network and no console errors, filters by tag, and is screenshotted', async () => {
    writePerformanceFiles();
    writeRunFolder(folder, sampleRun(), { ...sampleHistory(), perf: samplePerfHistory() });
    // Chromium keeps the real clock, like PostgreSQL and Redis: under test:calendar it hangs at start with
    // libfaketime preloaded.
    const { LD_PRELOAD: _preload, ...env } = process.env;
    const browser = await chromium.launch({ executablePath: chromiumPath, args, env });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(path.join(folder, 'index.html')).href);

      expect(await page.locator('header h1').textContent()).toBe('FAILED');
      // By default only the tests that need attention are listed; "every status" shows the rest.
      expect(await page.locator('#tests tbody tr:visible td:first-child').allInnerTexts()).not.toContain(
        'passed',
      );
      expect(await page.locator('#tests tbody tr:visible').count()).toBeLessThan(4);
      await page.selectOption('#filter-status', '');
      expect(await page.locator('#tests tbody tr:visible').count()).toBe(4);
      await page.selectOption('#filter-tag', 'catalog');
      expect(await page.locator('#tests tbody tr:visible td:nth-child(2)').allInnerTexts()).toEqual([
        'releases › creates a draft\nintegration · tests/integration/catalog/releases.test.ts',
        'releases › rejects a bad UPC\nintegration · tests/integration/catalog/releases.test.ts',
      ]);
      await page.selectOption('#filter-status', 'failed');
      expect(await page.locator('#shown').textContent()).toBe('1 of 4');
      await page.selectOption('#filter-tag', '');
      await page.selectOption('#filter-status', '');

      // The performance section: the run's charts, each drawn, titled and with its verdict; the knee, the
      // request over budget and the comparison's regression where a reader looks for them.
      const performance = page.locator('#performance');
      expect(await performance.locator('figure.chart h3').allInnerTexts()).toEqual([
        'Latency percentiles, second by second',
        'Throughput and errors',
        'p95 per request against its budget',
        'Stress curve: p99 as the arrival rate ramps',
      ]);
      for (const svg of await page.locator('figure.chart svg').all())
        expect((await svg.boundingBox())?.height).toBeGreaterThan(100);
      for (const verdict of await page.locator('figure.chart p.verdict').allInnerTexts())
        expect(verdict.length).toBeGreaterThan(10);
      expect(await performance.locator('.marker text').allTextContents()).toEqual(['knee 44 it/s']);
      expect(await performance.locator('tr.over td:first-child').allInnerTexts()).toEqual([
        'GET /v1/releases/{id}/history',
      ]);
      expect(await page.locator('#perf-compare .verdict').textContent()).toMatch(
        /^Regression: GET \/v1\/releases\/\{id\} slower/,
      );
      // Across runs: the planted p95 step and the bench's hot-path step are marked; three trend charts, two bench charts.
      expect(await page.locator('#perf-trends figure.chart').count()).toBe(3);
      expect(await page.locator('#perf-trends .marker text').allTextContents()).toEqual([
        expect.stringMatching(/^\+\d+/),
      ]);
      expect(await page.locator('#bench figure.chart').count()).toBe(2);
      expect(await page.locator('#bench .marker text').count()).toBe(2);
      await page.locator('#performance').screenshot({ path: path.join(folder, 'performance.png') });

      await page.screenshot({ path: path.join(folder, 'dashboard.png'), fullPage: true });
      expect(problems).toEqual([]);
      // Only the page itself was loaded: everything else is inline.
      expect(requests).toEqual([pathToFileURL(path.join(folder, 'index.html')).href]);
      expect(statSync(path.join(folder, 'dashboard.png')).size).toBeGreaterThan(20_000);
    } finally {
      await browser.close();
    }
  });
});
