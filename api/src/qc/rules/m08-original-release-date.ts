import type { QcRule } from '../types.ts';

/** M8: the original release date is not after the release date (DDEX OriginalReleaseDateLaterThanReleaseDate). */
export const m08OriginalReleaseDate: QcRule = {
  id: 'M8',
  check(release) {
    const original = release.originalReleaseDate;
    // ISO dates compare correctly as text.
    if (!original || original <= release.releaseDate) return [];
    return [
      {
        rule: 'M8',
        severity: 'block',
        field: 'originalReleaseDate',
        message: `The original release date ${original} is after the release date ${release.releaseDate}`,
      },
    ];
  },
};
