import { signedIn } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { bytesOf, draftRelease, expectContentServed, put, sha256 } from '../../utils/uploads.ts';

describe('PUT /v1/releases/{id}/artwork', { tags: ['integration', 'assets'] }, () => {
  test('stores a 3000×3000 PNG with its header facts and serves it back', async ({ api, admin, app }) => {
    const { manager, release } = await draftRelease(api, admin);
    const png = bytesOf('artwork-3000.png');
    const response = await put(api, manager, `/v1/releases/${release.id}/artwork`, 'image/png', png);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      kind: 'artwork',
      releaseId: release.id,
      trackId: null,
      contentType: 'image/png',
      format: 'png',
      width: 3000,
      height: 3000,
      colorSpace: 'RGB',
      sizeBytes: png.length,
      sha256: sha256(png),
      status: 'valid',
      findings: [],
      createdAt: expect.any(String),
    });
    const id = (response.body as { id: string }).id;
    expect((await api.as(manager).get(`/v1/assets/${id}`)).body).toEqual(response.body);
    await expectContentServed(app, manager, id, 'image/png', png);
  });

  // The README tour's first upload got 415 when run while the samples were still being generated: curl
  // sends an empty body, silently, for `--data-binary @missing-file`. The answer now says so.
  test('an empty body is 415 saying the body is empty, and nothing is stored', async ({
    api,
    admin,
    mocks,
  }) => {
    const { manager, release } = await draftRelease(api, admin);
    const response = await put(
      api,
      manager,
      `/v1/releases/${release.id}/artwork`,
      'image/png',
      Buffer.alloc(0),
    );
    expect(response.body).toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail: expect.stringMatching(/^The body is empty: send the image\/png file itself/),
    });
    expect(mocks.s3.objects.size).toBe(0);
  });

  test('a JPEG that breaks artwork rules is stored as invalid with its findings', async ({ api, admin }) => {
    const { manager, release } = await draftRelease(api, admin);
    const response = await put(
      api,
      manager,
      `/v1/releases/${release.id}/artwork`,
      'image/jpeg',
      bytesOf('artwork-3000x2000.jpg'),
    );
    expect(response.body).toMatchObject({
      format: 'jpeg',
      width: 3000,
      height: 2000,
      status: 'invalid',
      findings: [
        { rule: 'C1', severity: 'block', field: 'width', message: 'Artwork must be square; it is 3000×2000' },
        { rule: 'C2', severity: 'block', field: 'width', message: 'Artwork must be at least 3000×3000 px' },
      ],
    });
  });

  test('CMYK artwork fails C4', async ({ api, admin }) => {
    const { manager, release } = await draftRelease(api, admin);
    const response = await put(
      api,
      manager,
      `/v1/releases/${release.id}/artwork`,
      'image/jpeg',
      bytesOf('artwork-3000-cmyk.jpg'),
    );
    expect(response.body).toMatchObject({
      colorSpace: 'CMYK',
      status: 'invalid',
      findings: [{ rule: 'C4' }],
    });
  });

  test('a new upload replaces the previous artwork', async ({ api, admin }) => {
    const { manager, release } = await draftRelease(api, admin);
    const first = await put(
      api,
      manager,
      `/v1/releases/${release.id}/artwork`,
      'image/png',
      bytesOf('artwork-1400.png'),
    );
    const second = await put(
      api,
      manager,
      `/v1/releases/${release.id}/artwork`,
      'image/png',
      bytesOf('artwork-3000.png'),
    );
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((await api.as(manager).get(`/v1/assets/${(first.body as { id: string }).id}`)).status).toBe(404);
    expect((await api.as(manager).get(`/v1/assets/${(second.body as { id: string }).id}`)).status).toBe(200);
  });

  test('another label’s release is 404, a reviewer may not upload (403), a submitted release is 409', async ({
    api,
    admin,
  }) => {
    const { manager, release } = await draftRelease(api, admin);
    const { manager: stranger } = await draftRelease(api, admin);
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const submitted = await WorkflowFactory.release(api, { owner: manager, reviewer }, 'submitted');
    const png = bytesOf('artwork-3000.png');
    const statuses = await Promise.all([
      put(api, stranger, `/v1/releases/${release.id}/artwork`, 'image/png', png),
      put(api, reviewer, `/v1/releases/${release.id}/artwork`, 'image/png', png),
      put(api, manager, `/v1/releases/${submitted.id}/artwork`, 'image/png', png),
    ]);
    expect(statuses.map((r) => [r.status, (r.body as { code: string }).code])).toEqual([
      [404, 'NOT_FOUND'],
      [403, 'FORBIDDEN'],
      [409, 'INVALID_TRANSITION'],
    ]);
  });
});
