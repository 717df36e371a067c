import type { Finding, QcRule } from '../types.ts';
import { titlesOf } from './titles.ts';

const PROMO = /\b(official|exclusive|free download|available on)\b/i;
const ORIGINAL_VERSION = /\b(original mix|album version)\b/i;

function problem(title: string): string | null {
  const letters = title.replace(/[^\p{L}]/gu, '');
  if (letters.length > 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return 'is written in capitals; use title case unless the artist stylises it so';
  }
  if (PROMO.test(title)) return 'contains promotional text; titles name the work only';
  if (ORIGINAL_VERSION.test(title))
    return 'says "Original Mix"/"Album Version"; originals need no version text';
  return null;
}

/** M2 (warn): titles are not ALL CAPS and carry no promotional or redundant version text. */
export const m02TitleStyle: QcRule = {
  id: 'M2',
  check(release) {
    const findings: Finding[] = [];
    for (const { field, title } of titlesOf(release)) {
      const reason = problem(title);
      if (reason) findings.push({ rule: 'M2', severity: 'warn', field, message: `"${title}" ${reason}` });
    }
    return findings;
  },
};
