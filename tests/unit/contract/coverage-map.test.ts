import { describe, expect, test } from 'vitest';
import { coverageMap, coveredBlackBox } from '../../contract/coverage-map.ts';
import { knownGaps } from '../../contract/known-gaps.ts';
import { writeCoverageReport } from '../../contract/report.ts';

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
