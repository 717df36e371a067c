import { normalizeIsrc } from '../../identifiers/isrc.ts';
import type { Finding, QcRule } from '../types.ts';

/** M9: every track has a valid ISRC, and no two tracks of the release share one. */
export const m09TrackIsrcs: QcRule = {
  id: 'M9',
  check(release) {
    const findings: Finding[] = [];
    const firstTrackWith = new Map<string, number>();
    release.tracks.forEach((track, index) => {
      const isrc = normalizeIsrc(track.isrc);
      const field = `tracks.${index}.isrc`;
      if (!isrc) {
        findings.push({
          rule: 'M9',
          severity: 'block',
          field,
          message: `"${track.isrc}" is not a valid ISRC`,
        });
        return;
      }
      const earlier = firstTrackWith.get(isrc);
      if (earlier === undefined) firstTrackWith.set(isrc, track.trackNumber);
      else {
        findings.push({
          rule: 'M9',
          severity: 'block',
          field,
          message: `Track ${track.trackNumber} repeats the ISRC ${isrc} of track ${earlier}; each recording has its own`,
        });
      }
    });
    return findings;
  },
};
