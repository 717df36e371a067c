import type { Finding, QcRule, QcTrack } from '../types.ts';

/** Why a track's audio does not count yet, or null when it is there and its analysis found it valid. */
function audioProblem(track: QcTrack): string | null {
  const audio = track.audio;
  // Absent (assets not loaded) counts as missing, so a snapshot without assets cannot pass.
  if (!audio)
    return `Track ${track.trackNumber} has no audio; upload it with PUT /v1/releases/{id}/tracks/{trackId}/audio`;
  switch (audio.status) {
    case 'valid':
      return null;
    case 'analysing':
      // Silence and clipping (A4/A5) are not known yet: submitting now would judge half the file.
      return `The audio of track ${track.trackNumber} is still being analysed; submit once its analysis is done`;
    case 'invalid':
      return `The audio of track ${track.trackNumber} failed its checks (see its A* findings); upload a corrected file`;
  }
}

/** R3: every track has an audio asset whose analysis is valid (`analysing` does not count yet). */
export const r03TrackAudio: QcRule = {
  id: 'R3',
  check(release) {
    const findings: Finding[] = [];
    release.tracks.forEach((track, index) => {
      const message = audioProblem(track);
      if (message) findings.push({ rule: 'R3', severity: 'block', field: `tracks.${index}.audio`, message });
    });
    return findings;
  },
};
