import type { QcRule } from '../types.ts';

export const maxTracksPerRelease = 500;

/** M14: at most 500 tracks per release (Apple's package limit). */
export const m14TrackLimit: QcRule = {
  id: 'M14',
  check(release) {
    if (release.tracks.length <= maxTracksPerRelease) return [];
    return [
      {
        rule: 'M14',
        severity: 'block',
        field: 'tracks',
        message: `The release has ${release.tracks.length} tracks; stores accept at most ${maxTracksPerRelease}`,
      },
    ];
  },
};
