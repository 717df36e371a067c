import type { QcRule } from '../types.ts';

const FORMAT = /\b(single|ep)\b/i;

/** M6 (warn): "Single"/"EP" belong in the release type, not the title (unless the original title has them). */
export const m06NoFormatInTitle: QcRule = {
  id: 'M6',
  check(release) {
    if (!FORMAT.test(release.title)) return [];
    return [
      {
        rule: 'M6',
        severity: 'warn',
        field: 'title',
        message: `"${release.title}" names its format; stores add " - Single"/" - EP" themselves, keep it only if it is part of the original title`,
      },
    ];
  },
};
