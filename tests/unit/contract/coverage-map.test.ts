import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { coverageMap, coveredBlackBox } from '../../contract/coverage-map.ts';
import { knownGaps } from '../../contract/known-gaps.ts';
import { writeCoverageReport, writeTargetRunCoverage } from '../../contract/report.ts';

describe('the contract coverage map', { tags: ['unit', 'reporting'] }, () => {
  const map = coverageMap();

  test('every covers(...) names a contract item', () => {
    expect(map.unknown).toEqual([]);
  });

  test('every contract item is covered by a black-box test, or listed as a known gap with its reason', () => {
    const folder = process.env.SOUNDCHECK_RUN_DIR;
    if (folder) writeCoverageReport(folder, map);
    const uncovered = map.items.filter((item) => !coveredBlackBox(item)).map((item) => item.id);
    expect(uncovered.filter((id) => !(id in knownGaps))).toEqual([]);
    // A gap that got its test leaves the list, so the list only shrinks.
    expect(Object.keys(knownGaps).filter((id) => !uncovered.includes(id))).toEqual([]);
  });
});

describe('the contract coverage map of a --target run', { tags: ['unit', 'reporting'] }, () => {
  test('is written into the run folder by the black-box run itself (it has no unit project)', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'soundcheck-target-coverage-'));
    try {
      const target = 'http://127.0.0.1:1';
      expect(writeTargetRunCoverage({ SOUNDCHECK_RUN_DIR: folder })).toBe(false);
      expect(writeTargetRunCoverage({ SOUNDCHECK_RUN_DIR: folder, SOUNDCHECK_TARGET: target })).toBe(true);
      const page = readFileSync(path.join(folder, 'contract-coverage.md'), 'utf8');
      const items = coverageMap().items;
      expect(page).toContain(`/${items.length} contract items covered by a black-box test`);
      for (const item of items) expect(page).toContain(`| ${item.id} |`);
      expect(existsSync(path.join(folder, 'security/contract-coverage.json'))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
