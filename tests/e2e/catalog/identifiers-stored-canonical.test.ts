import { covers } from '../../contract/checklist.ts';
import { randomEan13, randomUpcA } from '../../factories/identifiers.ts';
import { releaseBody, releaseFactory, trackBody } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

// API.md and DOMAIN.md: identifiers are checked by their algorithms and stored in one canonical form.
describe('identifiers are checked and stored in their canonical form', {
  tags: ['e2e', 'catalog', 'identifiers'],
  ...covers(
    'identifiers.isrc',
    'identifiers.upc',
    'identifiers.isni',
    'identifiers.dpid',
    'identifiers.ipi',
    'identifiers.iswc',
    'tracks.create.400-isrc',
    'tracks.create.4xx-duplicate-isrc',
    'releases.create.409-upc',
    'labels.create.400-dpid',
    'artists.create.400-isni',
    'qc.M9',
    'qc.M10',
  ),
}, () => {
  test('an ISRC sent with hyphens in lower case is stored as 12 upper-case characters, unique in its release', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const artistId = release.primaryArtistIds[0] as string;
    const sent = trackBody(artistId, 2, { isrc: 'be-t67-13-00161' });
    const created = await api
      .as(manager)
      .post<{ id: string; isrc: string }>(`/v1/releases/${release.id}/tracks`, sent);
    expect(created.status).toBe(201);
    expect(created.body.isrc).toBe('BET671300161');
    const read = await api
      .as(manager)
      .get<{ isrc: string }>(`/v1/releases/${release.id}/tracks/${created.body.id}`);
    expect(read.body.isrc).toBe('BET671300161');
    // The same code in another spelling is the same ISRC: not twice in one release (which 4xx is open).
    const twice = await api
      .as(manager)
      .post(`/v1/releases/${release.id}/tracks`, trackBody(artistId, 3, { isrc: 'BET671300161' }));
    await expectRefusal(api, twice, { status: [400, 409, 422] });
  });

  test.for(['BE-T67-13-0016', 'BET6713001611', '1ET671300161', 'BE_T67_13_00161'])(
    'a malformed ISRC %s is 400 on isrc',
    async (isrc, { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const release = await releaseFactory.single().as(api, manager).create();
      const body = trackBody(release.primaryArtistIds[0] as string, 2, { isrc });
      const refused = await api.as(manager).post(`/v1/releases/${release.id}/tracks`, body);
      await expectRefusal(api, refused, { status: 400, code: 'VALIDATION_FAILED', field: 'isrc' });
    },
  );

  test('a UPC-A is stored as its EAN-13 and collides with it; a bad check digit or length is 400', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const upc = randomUpcA();
    const artists = release.primaryArtistIds;
    const created = await api
      .as(manager)
      .post<{ upc: string }>('/v1/releases', releaseBody(artists, { upc }));
    expect(created.status).toBe(201);
    expect(created.body.upc).toBe(`0${upc}`);
    const same = await api.as(manager).post('/v1/releases', releaseBody(artists, { upc: `0${upc}` }));
    await expectRefusal(api, same, { status: 409, code: 'CONFLICT' });
    const ean = randomEan13();
    const wrongDigit = `${ean.slice(0, 12)}${(Number(ean[12]) + 1) % 10}`;
    for (const bad of [wrongDigit, ean.slice(0, 8), `${ean}0`]) {
      const refused = await api.as(manager).post('/v1/releases', releaseBody(artists, { upc: bad }));
      await expectRefusal(api, refused, { status: 400, code: 'VALIDATION_FAILED', field: 'upc' });
    }
  });

  test('an ISNI is accepted with spaces and stored as 16 characters; a bad check character is 400', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await api
      .as(manager)
      .post<{ isni: string }>('/v1/artists', { name: 'Stromae', isni: '0000 0001 2281 955X' });
    expect(artist.status).toBe(201);
    expect(artist.body.isni).toBe('000000012281955X');
    const bad = await api.as(manager).post('/v1/artists', { name: 'Nobody', isni: '0000 0001 2281 9551' });
    await expectRefusal(api, bad, { status: 400, code: 'VALIDATION_FAILED', field: 'isni' });
  });

  test('an IPI name number must pass its mod-101 check (DOMAIN.md: 00014107338)', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const good = await api
      .as(manager)
      .post<{ ipiNameNumber: string }>('/v1/artists', { name: 'Abba', ipiNameNumber: '00014107338' });
    expect(good.status).toBe(201);
    expect(good.body.ipiNameNumber).toBe('00014107338');
    for (const ipiNameNumber of ['00014107339', '0001410733', '0001410733A']) {
      const bad = await api.as(manager).post('/v1/artists', { name: 'Nobody', ipiNameNumber });
      await expectRefusal(api, bad, { status: 400, code: 'VALIDATION_FAILED', field: 'ipiNameNumber' });
    }
  });

  test('a track’s ISWC must pass its weighted mod-10 check (DOMAIN.md: T-034.524.680-1)', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const artistId = release.primaryArtistIds[0] as string;
    const good = await api
      .as(manager)
      .post(`/v1/releases/${release.id}/tracks`, trackBody(artistId, 2, { iswc: 'T-034.524.680-1' }));
    expect(good.status).toBe(201);
    for (const [number, iswc] of [
      [3, 'T-034.524.680-2'],
      [3, 'T-123.456.789-Z'],
    ] as const) {
      const bad = await api
        .as(manager)
        .post(`/v1/releases/${release.id}/tracks`, trackBody(artistId, number, { iswc }));
      await expectRefusal(api, bad, { status: 400, code: 'VALIDATION_FAILED', field: 'iswc' });
    }
  });

  test('a label DPID must pass its check character', async ({ api, admin }) => {
    const bad = await api
      .as(admin)
      .post('/v1/labels', { name: 'Bad DPID Records', dpid: 'PADPIDA0000000001X' });
    await expectRefusal(api, bad, { status: 400, code: 'VALIDATION_FAILED', field: 'dpid' });
  });
});
