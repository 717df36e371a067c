import { createArtist } from '../../factories/artists.ts';
import { randomUpcA } from '../../factories/identifiers.ts';
import { releaseBody } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('POST /v1/releases', { tags: ['integration', 'catalog'] }, () => {
  test('creates a draft in the caller’s label, UPC-A stored as 13 digits, with a creation entry in history', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await createArtist(api, manager);
    const upc = randomUpcA();
    const body = releaseBody([artist.id], { upc, version: 'Deluxe', originalReleaseDate: '2001-01-01' });
    const response = await api.as(manager).post('/v1/releases', body);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      ...body,
      upc: `0${upc}`,
      id: expect.any(String),
      labelId: manager.labelId,
      createdBy: manager.id,
      state: 'draft',
      firstDeliveredAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      tracks: [],
      artwork: null,
    });
    const { id } = response.body as { id: string };
    const history = await api.as(manager).get(`/v1/releases/${id}/history`);
    expect(history.body).toEqual({
      items: [{ at: expect.any(String), actor: manager.id, action: 'create', from: null, to: 'draft' }],
      nextCursor: null,
    });
  });

  test('a UPC-A and its 0-prefixed EAN-13 are the same barcode: 409 CONFLICT, across labels', async ({
    api,
    admin,
  }) => {
    const first = await signedIn(api, admin, { role: 'label_manager' });
    const second = await signedIn(api, admin, { role: 'label_manager' });
    const upc = randomUpcA();
    const one = await createArtist(api, first);
    const two = await createArtist(api, second);
    expect((await api.as(first).post('/v1/releases', releaseBody([one.id], { upc }))).status).toBe(201);
    const again = await api.as(second).post('/v1/releases', releaseBody([two.id], { upc: `0${upc}` }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', errors: [{ field: 'upc' }] });
  });

  test.for([
    ['a wrong check digit', '0602537479871'],
    ['a GTIN-14', '00888072456686'],
    ['a GTIN-8', '96385074'],
    ['letters', '60253747987X'],
  ])('a UPC with %s is 400 on upc', async ([, upc], { api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await createArtist(api, manager);
    const response = await api.as(manager).post('/v1/releases', releaseBody([artist.id], { upc }));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'upc' }] });
  });

  test('enums, dates and territories are checked (400 with the field)', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await createArtist(api, manager);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ genre: 'Chanson' }, 'genre'],
      [{ language: 'fra' }, 'language'],
      [{ releaseType: 'LP' }, 'releaseType'],
      [{ parentalAdvisory: 'Explicit' }, 'parentalAdvisory'],
      [{ releaseDate: '2025-02-30' }, 'releaseDate'],
      [{ pLine: { year: 2024 } }, 'pLine.owner'],
      [{ primaryArtistIds: [] }, 'primaryArtistIds'],
    ];
    for (const [change, field] of cases) {
      const response = await api.as(manager).post('/v1/releases', { ...releaseBody([artist.id]), ...change });
      expect({
        field,
        status: response.status,
        errors: (response.body as { errors: unknown }).errors,
      }).toMatchObject({
        field,
        status: 400,
        errors: expect.arrayContaining([expect.objectContaining({ field })]),
      });
    }
    const badTerritory = await api.as(manager).post('/v1/releases', {
      ...releaseBody([artist.id]),
      territories: { mode: 'include', codes: ['FR', 'XX'] },
    });
    expect(badTerritory.status).toBe(400);
  });

  test('an admin must name the label; others default to theirs and naming another is 403', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const stranger = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await createArtist(api, manager);
    const noLabel = await api.as(admin).post('/v1/releases', releaseBody([artist.id]));
    expect(noLabel.body).toMatchObject({ status: 400, errors: [{ field: 'labelId', code: 'REQUIRED' }] });
    const byAdmin = await api
      .as(admin)
      .post('/v1/releases', releaseBody([artist.id], { labelId: manager.labelId! }));
    expect(byAdmin.body).toMatchObject({ labelId: manager.labelId, createdBy: admin.id });
    const elsewhere = await api
      .as(manager)
      .post('/v1/releases', releaseBody([artist.id], { labelId: stranger.labelId! }));
    expect(elsewhere.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  test('primary artists must belong to the release’s label; another label’s artist reads as missing (422)', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const stranger = await signedIn(api, admin, { role: 'label_manager' });
    const theirs = await createArtist(api, stranger);
    const foreign = await api.as(manager).post('/v1/releases', releaseBody([theirs.id]));
    const missing = await api
      .as(manager)
      .post('/v1/releases', releaseBody(['01890000-0000-7000-8000-000000000000']));
    expect(foreign.status).toBe(422);
    expect(foreign.body).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      errors: [{ field: 'primaryArtistIds.0', code: 'NOT_FOUND' }],
    });
    expect({ ...(missing.body as object), requestId: null }).toEqual({
      ...(foreign.body as object),
      requestId: null,
    });
  });

  test('reviewers and partners cannot create releases (403)', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await createArtist(api, manager);
    const body = releaseBody([artist.id], { labelId: manager.labelId! });
    for (const role of ['reviewer', 'partner'] as const) {
      const user = await signedIn(api, admin, { role });
      expect((await api.as(user).post('/v1/releases', body)).status).toBe(403);
    }
  });
});
