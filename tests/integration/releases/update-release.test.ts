import { createArtist } from '../../factories/artists.ts';
import { randomEan13 } from '../../factories/identifiers.ts';
import { type Release, releaseFactory } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('PATCH /v1/releases/{id}', { tags: ['integration', 'catalog', 'workflow'] }, () => {
  test('changes the given fields of a draft and nothing else; the state stays', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const featured = await createArtist(api, manager);
    const upc = randomEan13();
    const response = await api.as(manager).patch<Release>(`/v1/releases/${release.id}`, {
      genre: 'Jazz',
      upc,
      primaryArtistIds: [...release.primaryArtistIds, featured.id],
      territories: { mode: 'exclude', codes: ['US'] },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ...release,
      genre: 'Jazz',
      upc,
      primaryArtistIds: [...release.primaryArtistIds, featured.id],
      territories: { mode: 'exclude', codes: ['US'] },
      updatedAt: expect.any(String),
    });
  });

  test('an empty body, unknown fields and state/labelId are refused (400)', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    for (const body of [{}, { state: 'approved' }, { labelId: manager.labelId }, { createdBy: admin.id }]) {
      expect((await api.as(manager).patch(`/v1/releases/${release.id}`, body)).status).toBe(400);
    }
    expect((await api.as(manager).get<Release>(`/v1/releases/${release.id}`)).body).toEqual(release);
  });

  test('outside draft and changes_requested an edit is 409 INVALID_TRANSITION', async ({ api, admin }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const submitted = await WorkflowFactory.release(api, { owner, reviewer }, 'submitted');
    const response = await api.as(owner).patch(`/v1/releases/${submitted.id}`, { title: 'Other' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'INVALID_TRANSITION' });
    const reopened = await WorkflowFactory.release(api, { owner, reviewer }, 'changes_requested');
    const edit = await api.as(owner).patch<Release>(`/v1/releases/${reopened.id}`, { version: 'Remastered' });
    expect(edit.body).toMatchObject({ state: 'changes_requested', version: 'Remastered' });
  });

  test('an artist edits only releases they created; a reviewer edits none (403)', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await signedIn(api, admin, { role: 'artist', labelId: manager.labelId! });
    const own = await releaseFactory.single().as(api, artist).create();
    const managers = await releaseFactory.single().as(api, manager).create();
    expect((await api.as(artist).patch(`/v1/releases/${own.id}`, { genre: 'Rock' })).status).toBe(200);
    // Not the artist's own: not even visible to them.
    expect((await api.as(artist).patch(`/v1/releases/${managers.id}`, { genre: 'Rock' })).status).toBe(404);
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    expect((await api.as(reviewer).patch(`/v1/releases/${own.id}`, { genre: 'Rock' })).status).toBe(403);
  });

  test('changing the UPC to another release’s barcode is 409 CONFLICT', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const first = await releaseFactory.single().as(api, manager).create();
    const second = await releaseFactory.single().as(api, manager).create();
    const response = await api.as(manager).patch(`/v1/releases/${second.id}`, { upc: first.upc });
    expect(response.body).toMatchObject({ status: 409, code: 'CONFLICT' });
  });
});

describe('DELETE /v1/releases/{id}', { tags: ['integration', 'catalog', 'workflow'] }, () => {
  test('deletes a draft with its tracks (204, then 404)', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.ep().as(api, manager).create();
    expect((await api.as(manager).delete(`/v1/releases/${release.id}`)).status).toBe(204);
    expect((await api.as(manager).get(`/v1/releases/${release.id}`)).status).toBe(404);
  });

  test('a submitted release cannot be deleted (409); a reviewer may not delete (403)', async ({
    api,
    admin,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const submitted = await WorkflowFactory.release(api, { owner, reviewer }, 'submitted');
    expect((await api.as(owner).delete(`/v1/releases/${submitted.id}`)).body).toMatchObject({
      status: 409,
      code: 'INVALID_TRANSITION',
    });
    const draft = await releaseFactory.single().as(api, owner).create();
    expect((await api.as(reviewer).delete(`/v1/releases/${draft.id}`)).status).toBe(403);
  });
});
