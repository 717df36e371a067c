import { releaseFactory } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('POST /v1/releases/{id}/validate', { tags: ['integration', 'qc'] }, () => {
  test('a correct release is valid with no findings', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.album().explicit().withAssets().as(api, manager).create();
    const response = await api.as(manager).post(`/v1/releases/${release.id}/validate`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ valid: true, findings: [] });
  });

  test.for([
    ['M4-explicit-track-on-clean-release', 'M4', 'parentalAdvisory'],
    ['M5-title-mismatch', 'M5', 'title'],
    ['R1-no-tracks', 'R1', 'tracks'],
    ['R2-no-artwork', 'R2', 'artwork'],
    ['R3-no-audio', 'R3', 'tracks.0.audio'],
  ] as const)('%s gives a blocking %s finding on %s', async ([problem, rule, field], { api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory
      .single()
      .withAssets()
      .invalidForQc(problem)
      .as(api, manager)
      .create();
    const response = await api.as(manager).post(`/v1/releases/${release.id}/validate`);
    expect(response.body).toEqual({
      valid: false,
      findings: [{ rule, severity: 'block', field, message: expect.any(String) }],
    });
  });

  test('warnings (release type, lead time) leave it valid', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const today = new Date().toISOString().slice(0, 10);
    const release = await releaseFactory
      .album({ tracks: 2 })
      .params({ releaseDate: today })
      .withAssets()
      .as(api, manager)
      .create();
    const response = await api.as(manager).post(`/v1/releases/${release.id}/validate`);
    expect(response.body).toEqual({
      valid: true,
      findings: [
        { rule: 'M12', severity: 'warn', field: 'releaseType', message: expect.any(String) },
        { rule: 'M13', severity: 'warn', field: 'releaseDate', message: expect.any(String) },
      ],
    });
  });

  test('reviewers may validate any label’s release; a stranger gets 404; a body is refused', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const stranger = await signedIn(api, admin, { role: 'label_manager' });
    expect((await api.as(reviewer).post(`/v1/releases/${release.id}/validate`)).status).toBe(200);
    expect((await api.as(stranger).post(`/v1/releases/${release.id}/validate`)).status).toBe(404);
    expect((await api.as(manager).post(`/v1/releases/${release.id}/validate`, { strict: true })).status).toBe(
      400,
    );
  });
});
