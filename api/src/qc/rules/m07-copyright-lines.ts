import type { Finding, QcRule } from '../types.ts';

/** M7: ℗ and © lines carry a 4-digit year and an owner; the ℗ year is not after the release year. */
export const m07CopyrightLines: QcRule = {
  id: 'M7',
  check(release) {
    const findings: Finding[] = [];
    for (const [field, line] of [
      ['pLine', release.pLine],
      ['cLine', release.cLine],
    ] as const) {
      if (!Number.isInteger(line.year) || line.year < 1000 || line.year > 9999) {
        findings.push({
          rule: 'M7',
          severity: 'block',
          field: `${field}.year`,
          message: `${field} needs a 4-digit year`,
        });
      }
      if (line.owner.trim() === '') {
        findings.push({
          rule: 'M7',
          severity: 'block',
          field: `${field}.owner`,
          message: `${field} needs an owner name`,
        });
      }
    }
    const releaseYear = Number(release.releaseDate.slice(0, 4));
    if (release.pLine.year > releaseYear) {
      findings.push({
        rule: 'M7',
        severity: 'block',
        field: 'pLine.year',
        message: `The ℗ year ${release.pLine.year} is after the release year ${releaseYear}`,
      });
    }
    return findings;
  },
};
