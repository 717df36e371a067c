import { validateRelease } from '@soundcheck/api/qc/validate.ts';
import { describe, expect, test } from 'vitest';
import { releaseBody } from '../../factories/releases.ts';
import { qcRelease } from './qc-release.ts';

// QC of the factory's dates alone: everything else is the known-good release of qc-release.ts.
const dateFindings = (overrides: Parameters<typeof releaseBody>[1]) => {
  const { pLine, cLine, releaseDate, originalReleaseDate = null } = releaseBody(['a1'], overrides);
  const release = qcRelease({ pLine, cLine, releaseDate, originalReleaseDate });
  return validateRelease(release, { today: releaseDate, leadTimeDays: 0 }).findings.map((f) => f.rule);
};

describe('the release factory’s dates', { tags: ['unit', 'qc'] }, () => {
  // The December failure: a release dated today got next year's ℗ from the factory's own default date.
  test.each(['2026-12-03', '2026-12-31', '2027-01-01', '2028-02-29'])(
    'a release dated %s gets ℗/© years that QC accepts (M7, M8)',
    (releaseDate) => {
      expect(dateFindings({ releaseDate }).filter((rule) => rule === 'M7' || rule === 'M8')).toEqual([]);
      const body = releaseBody(['a1'], { releaseDate });
      expect([body.pLine.year, body.cLine.year, body.originalReleaseDate]).toEqual([
        Number(releaseDate.slice(0, 4)),
        Number(releaseDate.slice(0, 4)),
        releaseDate,
      ]);
    },
  );

  test('a reissue carries the ℗ year of its original release and the © year of this one', () => {
    const body = releaseBody(['a1'], { releaseDate: '2027-01-15', originalReleaseDate: '2001-06-01' });
    expect([body.pLine.year, body.cLine.year]).toEqual([2001, 2027]);
    expect(dateFindings({ releaseDate: '2027-01-15', originalReleaseDate: '2001-06-01' })).not.toContain(
      'M7',
    );
  });
});
