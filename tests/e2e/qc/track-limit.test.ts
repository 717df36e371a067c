import type { Finding as FindingSchema } from '@soundcheck/api/review/schema.ts';
import type { Static } from 'typebox';
import { covers } from '../../contract/checklist.ts';
import { expectStatus } from '../../factories/expect-status.ts';
import { randomIsrc } from '../../factories/identifiers.ts';
import { releaseFactory, trackBody } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

const limit = 500;
/** Track numbers are contiguous per disc, so the tracks go in as parallel chains, one per disc. */
const discs = 10;

type Finding = Static<typeof FindingSchema>;

// qc_rules.json M14: track count <= 500 per release (Apple's package limit), blocking. At the boundary:
// 500 tracks pass the rule, the 501st breaks it.
describe('QC rule M14: at most 500 tracks per release', {
  tags: ['e2e', 'qc', 'catalog', 'slow'],
  timeout: 240_000,
  ...covers('qc.M14'),
}, () => {
  test('500 tracks pass M14; the 501st is a blocking finding', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.album({ tracks: 0 }).as(api, manager).create();
    const artistId = release.primaryArtistIds[0] as string;
    // One ISRC stem per release and a running number: no two of the 501 collide.
    const stem = randomIsrc().slice(0, 7);
    const isrc = (n: number) => `${stem}${String(n).padStart(5, '0')}`;
    const addTrack = async (disc: number, trackNumber: number, n: number) =>
      expectStatus(
        await api
          .as(manager)
          .post(
            `/v1/releases/${release.id}/tracks`,
            trackBody(artistId, trackNumber, { discNumber: disc, isrc: isrc(n) }),
          ),
        201,
        `track ${n}`,
      );
    const perDisc = limit / discs;
    // Each disc's first track in disc order, then the discs fill up side by side.
    for (let d = 0; d < discs; d++) await addTrack(d + 1, 1, d * perDisc + 1);
    await Promise.all(
      Array.from({ length: discs }, async (_, d) => {
        for (let t = 2; t <= perDisc; t++) await addTrack(d + 1, t, d * perDisc + t);
      }),
    );
    const findings = async () =>
      expectStatus(
        await api.as(manager).post<{ findings: Finding[] }>(`/v1/releases/${release.id}/validate`),
        200,
        'validate',
      ).findings;
    expect((await findings()).filter((finding) => finding.rule === 'M14')).toEqual([]);
    await addTrack(discs, perDisc + 1, limit + 1);
    expect(await findings()).toContainEqual(expect.objectContaining({ rule: 'M14', severity: 'block' }));
  });
});
