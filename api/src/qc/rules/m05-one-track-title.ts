import type { QcRule } from '../types.ts';

/** M5: a one-track release has the title of its track. */
export const m05OneTrackTitle: QcRule = {
  id: 'M5',
  check(release) {
    const [only] = release.tracks;
    if (release.tracks.length !== 1 || !only || only.title === release.title) return [];
    return [
      {
        rule: 'M5',
        severity: 'block',
        field: 'title',
        message: `A one-track release takes its track's title: "${only.title}", not "${release.title}"`,
      },
    ];
  },
};
