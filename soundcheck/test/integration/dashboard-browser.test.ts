import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { writeRunFolder } from '../../src/report/write-run-folder.ts';
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
  const folder = mkdtempSync(path.join(tmpdir(), 'soundcheck-dashboard-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('opens from disk with no network and no console errors, filters by tag, and is screenshotted', async () => {
    writeRunFolder(folder, sampleRun(), sampleHistory());
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
