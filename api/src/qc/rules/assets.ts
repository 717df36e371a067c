import { artworkFindings, audioFindings } from '../asset-findings.ts';
import type { QcRule } from '../types.ts';

/** C1–C5 on the release's artwork, when it has one (its absence is rule R2's business). */
const artworkRules: QcRule = {
  id: 'C1-C5',
  check: (release) =>
    release.artwork ? artworkFindings(release.artwork.facts, release.artwork.sizeBytes, 'artwork.') : [],
};

/** A1–A3, A6 and A7 on each track's audio, plus the analysis warnings (A4, A5) stored with it. */
const audioRules: QcRule = {
  id: 'A1-A6',
  check: (release) =>
    release.tracks.flatMap((track, i) => {
      if (!track.audio) return [];
      const at = `tracks.${i}.audio.`;
      const analysis = track.audio.findings
        .filter((finding) => finding.rule === 'A4' || finding.rule === 'A5')
        .map((finding) => ({ ...finding, field: `${at}${finding.field}` }));
      return [...audioFindings(track.audio.facts, at), ...analysis];
    }),
};

/** The asset rules, appended to the QC rule list (qc/rules/index.ts). */
export const assetQcRules: QcRule[] = [artworkRules, audioRules];
