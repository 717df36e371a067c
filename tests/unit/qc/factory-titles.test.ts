import { faker } from '@faker-js/faker';
import { m02TitleStyle } from '@soundcheck/api/qc/rules/m02-title-style.ts';
import { describe, expect, test } from 'vitest';
import { releaseBody, trackBody } from '../../factories/releases.ts';
import { qcRelease } from './qc-release.ts';

describe('the release factory’s titles', { tags: ['unit', 'qc'] }, () => {
  // faker's words include "official": a journey test once saw an M2 warning it did not ask for (seed 1378533761).
  test('no generated release or track title trips QC rule M2, over 2,000 draws', () => {
    faker.seed(1378533761);
    const flagged = Array.from({ length: 1000 }, () => {
      const release = qcRelease({ title: releaseBody(['a1']).title });
      release.tracks = release.tracks.map((track) => ({ ...track, title: trackBody('a1', 1).title }));
      return m02TitleStyle.check(release, { today: '2026-12-03', leadTimeDays: 0 });
    }).flat();
    expect(flagged).toEqual([]);
  });
});
