import type { LabelPage } from '@soundcheck/api/labels/schema.ts';
import type { Static } from 'typebox';
import { createLabel, signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

type Page = Static<typeof LabelPage>;

describe('GET /v1/labels and /v1/labels/{id}', { tags: ['integration', 'catalog', 'tenancy'] }, () => {
  test('label users see their own label only; reviewers and admins see every label', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const other = await createLabel(api, admin);
    const own = await api.as(manager).get<Page>('/v1/labels');
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ items: [expect.objectContaining({ id: manager.labelId })], nextCursor: null });
    expect((await api.as(manager).get(`/v1/labels/${manager.labelId}`)).status).toBe(200);

    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const seen = await api.as(reviewer).get<Page>('/v1/labels?limit=100');
    expect(seen.body.items.map((label) => label.id)).toEqual(
      expect.arrayContaining([manager.labelId, other.id]),
    );
    expect((await api.as(reviewer).get(`/v1/labels/${other.id}`)).status).toBe(200);
  });

  test('a partner account sees no label', async ({ api, admin }) => {
    const partner = await signedIn(api, admin, { role: 'partner' });
    const label = await createLabel(api, admin);
    expect((await api.as(partner).get('/v1/labels')).body).toEqual({ items: [], nextCursor: null });
    expect((await api.as(partner).get(`/v1/labels/${label.id}`)).status).toBe(404);
  });

  test('pages by cursor without gaps or repeats, in each documented sort', async ({ api, admin }) => {
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await createLabel(api, admin));
    for (const sort of ['createdAt', '-createdAt', 'name', '-name']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/v1/labels?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { body: Page } = await api.as(admin).get<Page>(query);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((label) => label.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(created.map((label) => label.id)));
      const all = await api.as(admin).get<Page>(`/v1/labels?limit=100&sort=${sort}`);
      expect(seen).toEqual(all.body.items.map((label) => label.id));
    }
  });

  test.for([
    'limit=0',
    'limit=101',
    'limit=ten',
    'sort=dpid',
    'sort=--name',
    'cursor=not-a-cursor',
    'unknown=1',
  ])('rejects ?%s with 400 VALIDATION_FAILED', async (query, { api, admin }) => {
    const response = await api.as(admin).get(`/v1/labels?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  test('a cursor of one sort is refused under another', async ({ api, admin }) => {
    await createLabel(api, admin);
    await createLabel(api, admin);
    const page = await api.as(admin).get<Page>('/v1/labels?limit=1&sort=name');
    const reused = await api
      .as(admin)
      .get(`/v1/labels?limit=1&sort=-createdAt&cursor=${page.body.nextCursor}`);
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ errors: [{ field: 'cursor' }] });
  });

  test('a malformed id is 400; an unknown one 404', async ({ api, admin }) => {
    expect((await api.as(admin).get('/v1/labels/not-a-uuid')).status).toBe(400);
    const missing = await api.as(admin).get('/v1/labels/01900000-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', detail: 'The label was not found' });
  });
});
