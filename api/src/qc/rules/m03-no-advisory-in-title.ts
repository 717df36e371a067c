import type { Finding, QcRule } from '../types.ts';
import { titlesOf } from './titles.ts';

const ADVISORY = /[([]\s*(explicit|clean)\s*[)\]]/i;
// Self-censoring such as "F**k" or "S*it": asterisks between or after letters.
const CENSORED = /\p{L}\*+(\p{L}|\s|$)/u;

/** M3: no "(Explicit)"/"(Clean)" and no asterisk censoring in titles; the advisory field says it. */
export const m03NoAdvisoryInTitle: QcRule = {
  id: 'M3',
  check(release) {
    const findings: Finding[] = [];
    for (const { field, title } of titlesOf(release)) {
      if (ADVISORY.test(title)) {
        findings.push({
          rule: 'M3',
          severity: 'block',
          field,
          message: `"${title}" marks its advisory in the title; remove it and set parentalAdvisory instead`,
        });
      } else if (CENSORED.test(title)) {
        findings.push({
          rule: 'M3',
          severity: 'block',
          field,
          message: `"${title}" censors a word with asterisks; write the title as it is and set parentalAdvisory`,
        });
      }
    }
    return findings;
  },
};
