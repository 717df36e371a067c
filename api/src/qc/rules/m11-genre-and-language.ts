import { genres, isLanguageCode } from '../../vocabulary/catalog.ts';
import type { Finding, QcRule } from '../types.ts';

/** M11: the genre is from the controlled list; each track has a language of performance or is instrumental. */
export const m11GenreAndLanguage: QcRule = {
  id: 'M11',
  check(release) {
    const findings: Finding[] = [];
    if (!(genres as readonly string[]).includes(release.genre)) {
      findings.push({
        rule: 'M11',
        severity: 'block',
        field: 'genre',
        message: `"${release.genre}" is not a genre of the controlled list`,
      });
    }
    release.tracks.forEach((track, index) => {
      // A track without its own language performs in the release's language.
      const language = track.language ?? release.language;
      if (!track.instrumental && !isLanguageCode(language)) {
        findings.push({
          rule: 'M11',
          severity: 'block',
          field: `tracks.${index}.language`,
          message: `Track ${track.trackNumber} needs an ISO 639-1 language of performance or instrumental: true`,
        });
      }
    });
    return findings;
  },
};
