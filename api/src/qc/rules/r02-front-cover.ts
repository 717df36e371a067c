import type { QcRule } from '../types.ts';

/**
 * R2: the release has front cover artwork. Only its presence: whether the image is good enough is for
 * C1–C5. A snapshot without assets loaded counts as having none, so a caller that forgets to load them
 * cannot pass a bare release.
 */
export const r02FrontCover: QcRule = {
  id: 'R2',
  check(release) {
    if (release.artwork) return [];
    return [
      {
        rule: 'R2',
        severity: 'block',
        field: 'artwork',
        message: 'The release has no front cover artwork; upload it with PUT /v1/releases/{id}/artwork',
      },
    ];
  },
};
