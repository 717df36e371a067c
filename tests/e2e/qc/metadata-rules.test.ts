import type { Finding as FindingSchema } from '@soundcheck/api/review/schema.ts';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import type { Static } from 'typebox';
import { covers } from '../../contract/checklist.ts';
import { createArtist } from '../../factories/artists.ts';
import { type QcProblem, releaseBody, releaseFactory, trackBody } from '../../factories/releases.ts';
import { type SignedInUser, signedIn } from '../../factories/signed-in.ts';
import qcRules from '../../fixtures/qc/qc_rules.json' with { type: 'json' };
import { describe, expect, test } from '../../utils/test.ts';

type Finding = Static<typeof FindingSchema>;

/** qc_rules.json's severity of a rule: what /validate must report it as. */
const severityOf = (id: string) =>
  (Object.values(qcRules) as unknown[])
    .filter((group): group is Array<{ id: string; severity: string }> => Array.isArray(group))
    .flat()
    .find((rule) => rule.id === id)?.severity;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A draft that breaks exactly one rule, built through the API. */
type Breaker = (api: ApiClient, manager: SignedInUser) => Promise<{ id: string }>;
const viaFactory =
  (problem: QcProblem): Breaker =>
  (api, manager) =>
    releaseFactory.single().invalidForQc(problem).as(api, manager).create();
async function withBody(api: ApiClient, manager: SignedInUser, change: object, artistName?: string) {
  const artist = await createArtist(api, manager, artistName ? { name: artistName } : {});
  const body = { ...releaseBody([artist.id]), ...change } as ReturnType<typeof releaseBody>;
  const release = await api.as(manager).post<{ id: string }>('/v1/releases', body);
  expect(release.status).toBe(201);
  const track = trackBody(artist.id, 1, { title: body.title });
  expect((await api.as(manager).post(`/v1/releases/${release.body.id}/tracks`, track)).status).toBe(201);
  return release.body;
}

const cases: Array<[string, Breaker]> = [
  ['M1', (api, manager) => withBody(api, manager, {}, 'Alice feat. Bob')],
  ['M2', (api, manager) => withBody(api, manager, { title: 'EVERYTHING IN CAPITALS' })],
  ['M3', (api, manager) => withBody(api, manager, { title: 'Night Drive (Explicit)' })],
  ['M4', viaFactory('M4-explicit-track-on-clean-release')],
  ['M5', viaFactory('M5-title-mismatch')],
  ['M6', (api, manager) => withBody(api, manager, { title: 'Summer Single' })],
  ['M7', (api, manager) => withBody(api, manager, { pLine: { year: 2999, owner: 'Future Records' } })],
  ['M8', (api, manager) => withBody(api, manager, { originalReleaseDate: inDays(400) })],
  ['M12', (api, manager) => withBody(api, manager, { releaseType: 'album' })],
  ['M13', (api, manager) => withBody(api, manager, { releaseDate: inDays(1) })],
  ['R1', viaFactory('R1-no-tracks')],
];

describe('QC rules through /validate, with the severity qc_rules.json gives them', {
  tags: ['e2e', 'qc'],
  ...covers(
    'qc.M1',
    'qc.M2',
    'qc.M3',
    'qc.M4',
    'qc.M5',
    'qc.M6',
    'qc.M7',
    'qc.M8',
    'qc.M12',
    'qc.M13',
    'qc.R1',
    'qc.R4',
    'releases.validate.200',
  ),
}, () => {
  test.for(cases)('a release breaking %s gets that finding', async ([rule, breaker], { api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await breaker(api, manager);
    const report = await api
      .as(manager)
      .post<{ valid: boolean; findings: Finding[] }>(`/v1/releases/${release.id}/validate`);
    expect(report.status).toBe(200);
    expect(report.body.findings).toContainEqual(
      expect.objectContaining({ rule, severity: severityOf(rule) }),
    );
    if (severityOf(rule) === 'block') expect(report.body.valid).toBe(false);
  });

  test('a track without a MainArtist contributor breaks R4', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const artistId = release.primaryArtistIds[0] as string;
    const featured = trackBody(artistId, 2, { contributors: [{ artistId, role: 'FeaturedArtist' }] });
    expect((await api.as(manager).post(`/v1/releases/${release.id}/tracks`, featured)).status).toBe(201);
    const report = await api.as(manager).post<{ findings: Finding[] }>(`/v1/releases/${release.id}/validate`);
    expect(report.body.findings).toContainEqual(expect.objectContaining({ rule: 'R4', severity: 'block' }));
  });
});
