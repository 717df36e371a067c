import type { Finding, QcRule } from '../types.ts';

/** R4: the release has a primary artist, and every track a MainArtist contributor. */
export const r04MainArtists: QcRule = {
  id: 'R4',
  check(release) {
    const findings: Finding[] = [];
    if (release.primaryArtists.length === 0) {
      findings.push({
        rule: 'R4',
        severity: 'block',
        field: 'primaryArtistIds',
        message: 'The release needs at least one primary artist',
      });
    }
    release.tracks.forEach((track, index) => {
      if (!track.contributors.some((contributor) => contributor.role === 'MainArtist')) {
        findings.push({
          rule: 'R4',
          severity: 'block',
          field: `tracks.${index}.contributors`,
          message: `Track ${track.trackNumber} needs a contributor with the role MainArtist`,
        });
      }
    });
    return findings;
  },
};
