import type { Finding, QcRule } from '../types.ts';

// A join such as "A feat. B", "A ft B", "A & B", "A x B" or "A, B" packs several artists into one name.
const JOINED = /\s(feat\.?|ft\.?|featuring|&|x|with|and)\s|,/i;

/** M1: a primary artist's name holds one artist; featured artists are separate contributors. */
export const m01OneArtistPerName: QcRule = {
  id: 'M1',
  check(release) {
    const findings: Finding[] = [];
    release.primaryArtists.forEach((artist, index) => {
      if (JOINED.test(artist.name)) {
        findings.push({
          rule: 'M1',
          severity: 'block',
          field: `primaryArtistIds.${index}`,
          message: `Primary artist "${artist.name}" joins several artists in one name; credit each as its own artist (featured artists as FeaturedArtist contributors)`,
        });
      }
    });
    release.tracks.forEach((track, index) => {
      track.contributors.forEach((contributor, position) => {
        if (contributor.role === 'MainArtist' && JOINED.test(contributor.name)) {
          findings.push({
            rule: 'M1',
            severity: 'block',
            field: `tracks.${index}.contributors.${position}`,
            message: `Main artist "${contributor.name}" of track ${track.trackNumber} joins several artists in one name; credit each separately`,
          });
        }
      });
    });
    return findings;
  },
};
