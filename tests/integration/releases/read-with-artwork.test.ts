import { describe, expect, test } from '../../utils/test.ts';
import { bytesOf, draftRelease, put, sha256 } from '../../utils/uploads.ts';

type Read = { artwork: Record<string, unknown> | null; state: string };

describe('GET /v1/releases/{id} with its artwork summary', { tags: ['integration', 'assets'] }, () => {
  // API.md: the release is read "with tracks and artwork summary". It names no fields, so black-box this
  // asks only that an uploaded artwork is summarised at all.
  test('after an artwork upload the release read carries a summary of it', async ({ api, admin }) => {
    const { manager, release } = await draftRelease(api, admin);
    const upload = await put(
      api,
      manager,
      `/v1/releases/${release.id}/artwork`,
      'image/png',
      bytesOf('artwork-3000.png'),
    );
    expect(upload.status).toBe(201);
    const read = await api.as(manager).get<Read>(`/v1/releases/${release.id}`);
    expect(read.status).toBe(200);
    // Not null and not absent (expect.any(Object) would let null through).
    expect(read.body.artwork).not.toBeNull();
    expect(read.body.artwork).toBeTypeOf('object');
  });

  test('the summary is what the upload answered, follows a replacement, and comes with an edit’s answer', {
    tags: ['implementation'],
  }, async ({ api, admin }) => {
    const { manager, release } = await draftRelease(api, admin);
    const path = `/v1/releases/${release.id}`;
    expect((await api.as(manager).get<Read>(path)).body.artwork).toBeNull();

    const summaryOf = (asset: Record<string, unknown>) => {
      const { id, kind, format, width, height, colorSpace, sizeBytes, sha256, status } = asset;
      return { id, kind, format, width, height, colorSpace, sizeBytes, sha256, status };
    };
    const png = bytesOf('artwork-3000.png');
    const first = await put(api, manager, `${path}/artwork`, 'image/png', png);
    expect((await api.as(manager).get<Read>(path)).body.artwork).toEqual({
      ...summaryOf(first.body as Record<string, unknown>),
      sha256: sha256(png),
    });

    const jpeg = bytesOf('artwork-3000.jpg');
    const second = await put(api, manager, `${path}/artwork`, 'image/jpeg', jpeg);
    const replaced = (await api.as(manager).get<Read>(path)).body.artwork;
    expect(replaced).toEqual(summaryOf(second.body as Record<string, unknown>));
    expect(replaced).toMatchObject({ format: 'jpeg', sha256: sha256(jpeg) });

    // An edit answers the whole release too, summary included.
    const edited = await api.as(manager).patch<Read>(path, { title: 'Renamed with artwork' });
    expect(edited.body.artwork).toEqual(replaced);
  });
});
