import type { QcRule } from '../types.ts';

/** M4: a release is explicit when any of its tracks is explicit. */
export const m04ExplicitRelease: QcRule = {
  id: 'M4',
  check(release) {
    const explicit = release.tracks.filter((track) => track.parentalAdvisory === 'explicit');
    if (explicit.length === 0 || release.parentalAdvisory === 'explicit') return [];
    const numbers = explicit.map((track) => track.trackNumber).join(', ');
    return [
      {
        rule: 'M4',
        severity: 'block',
        field: 'parentalAdvisory',
        message: `Track(s) ${numbers} are explicit, so the release must be explicit too (it is ${release.parentalAdvisory})`,
      },
    ];
  },
};
