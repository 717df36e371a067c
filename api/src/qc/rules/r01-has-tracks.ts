import type { QcRule } from '../types.ts';

/** R1: a release has at least one track. */
export const r01HasTracks: QcRule = {
  id: 'R1',
  check(release) {
    if (release.tracks.length > 0) return [];
    return [
      {
        rule: 'R1',
        severity: 'block',
        field: 'tracks',
        message: 'The release has no tracks; add at least one',
      },
    ];
  },
};
