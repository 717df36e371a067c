import type { QcRule } from '../types.ts';

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** M13 (warn): the release date leaves the recommended lead time after today. */
export const m13LeadTime: QcRule = {
  id: 'M13',
  check(release, { today, leadTimeDays }) {
    const earliest = addDays(today, leadTimeDays);
    if (release.releaseDate >= earliest) return [];
    return [
      {
        rule: 'M13',
        severity: 'warn',
        field: 'releaseDate',
        message: `The release date ${release.releaseDate} leaves less than ${leadTimeDays} days of lead time; ${earliest} or later gives stores time to pitch it`,
      },
    ];
  },
};
