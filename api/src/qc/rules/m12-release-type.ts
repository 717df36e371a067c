import type { QcRelease, QcRule } from '../types.ts';

const MINUTE = 60_000;

/**
 * Whether the track count and durations fit the release type (qc_rules.json releaseTypeRules), or a
 * reason when they do not. Durations are known only once audio is analysed; until then only the
 * counts are judged.
 */
function mismatch(release: QcRelease): string | null {
  const count = release.tracks.length;
  if (count === 0) return null; // R1 reports an empty release.
  const durations = release.tracks.map((track) => track.durationMs);
  const known = durations.every((d): d is number => d !== null);
  const total = known ? durations.reduce((sum, d) => sum + d, 0) : null;
  const longest = known ? Math.max(...durations) : null;
  switch (release.releaseType) {
    case 'single':
      if (count > 3) return `has ${count} tracks; a single has 1 to 3`;
      if (longest !== null && longest >= 10 * MINUTE) return 'has a track of 10 minutes or more';
      if (total !== null && total > 30 * MINUTE) return 'lasts more than 30 minutes';
      return null;
    case 'ep':
      if (count > 6) return `has ${count} tracks; an EP has at most 6`;
      if (total !== null && total >= 30 * MINUTE) return 'lasts 30 minutes or more';
      if (count <= 3 && longest !== null && longest < 10 * MINUTE)
        return `has ${count} short tracks; 1 to 3 tracks make an EP only when one lasts 10 minutes or more`;
      return null;
    case 'album':
      if (count >= 7 || (total !== null && total > 30 * MINUTE)) return null;
      return total === null
        ? `has ${count} tracks; an album has 7 or more, or lasts over 30 minutes (durations are not known yet)`
        : `has ${count} tracks and lasts 30 minutes or less`;
  }
}

/** M12 (warn): the release type matches the track count and durations. */
export const m12ReleaseType: QcRule = {
  id: 'M12',
  check(release) {
    const reason = mismatch(release);
    if (!reason) return [];
    return [
      {
        rule: 'M12',
        severity: 'warn',
        field: 'releaseType',
        message: `This ${release.releaseType} ${reason}; check the release type`,
      },
    ];
  },
};
