import { covers } from '../../contract/checklist.ts';
import { describe, expect, test } from '../../utils/test.ts';

const forged = (cursor: object) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

describe('GET /v1/deliveries refuses malformed input with 400, never 500', {
  tags: ['security', 'delivery'],
  ...covers('releases.list.400-sort'),
}, () => {
  test.for([
    ['a cursor that is not base64 JSON', 'cursor=%%%'],
    [
      'a cursor of another sort',
      `cursor=${forged({ s: '-createdAt', v: 'x', id: '01a21224-57f2-7782-85f1-3fc84f4f2ee0' })}`,
    ],
    ['a cursor whose id is 36 hyphens', `cursor=${forged({ s: 'createdAt', v: 'x', id: '-'.repeat(36) })}`],
    [
      'a cursor whose id is 36 hex digits',
      `cursor=${forged({ s: 'createdAt', v: 'x', id: 'a'.repeat(36) })}`,
    ],
    ['an unknown state', 'state=shipped'],
    ['a release id that is not a UUID', 'releaseId=1%20OR%201=1'],
    ['a limit out of range', 'limit=0'],
  ])('%s', async ([, query], { api, admin }) => {
    const answer = await api.as(admin).get<{ code: string }>(`/v1/deliveries?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
  });

  // API.md rejects unknown body properties; for query parameters refusing them is our choice.
  test('an unknown parameter', { tags: ['implementation'] }, async ({ api, admin }) => {
    const answer = await api.as(admin).get<{ code: string }>('/v1/deliveries?partner=x');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('sort accepts only the documented fields (createdAt, releaseDate, title, each optionally -)', {
  tags: ['security', 'catalog'],
}, () => {
  test.for(['upc', '-labelId', 'createdBy', 'title;drop table releases', 'releaseDate,upc', '--title'])(
    'GET /v1/releases?sort=%s is 400 VALIDATION_FAILED',
    async (sort, { api, admin }) => {
      const answer = await api.as(admin).get(`/v1/releases?sort=${encodeURIComponent(sort)}`);
      expect({ sort, status: answer.status, code: (answer.body as { code?: string }).code }).toEqual({
        sort,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    },
  );

  test('each documented field sorts, ascending and descending', async ({ api, admin }) => {
    for (const sort of ['createdAt', '-createdAt', 'releaseDate', '-releaseDate', 'title', '-title']) {
      const answer = await api.as(admin).get<{ items: unknown[] }>(`/v1/releases?sort=${sort}&limit=2`);
      expect({ sort, status: answer.status }).toEqual({ sort, status: 200 });
      expect(Array.isArray(answer.body.items)).toBe(true);
    }
  });
});

describe('a forged cursor whose sort value does not fit its column is 400 (the shared keyset pagination)', {
  tags: ['security', 'catalog'],
}, () => {
  test.for([
    ['releaseDate', 'not-a-date'],
    ['releaseDate', 20250101],
    ['-releaseDate', "2025-01-01' OR '1'='1"],
  ] as const)('GET /v1/releases?sort=%s with a cursor value %s', async ([sort, value], { api, admin }) => {
    const cursor = forged({ s: sort, v: value, id: '01a21224-57f2-7782-85f1-3fc84f4f2ee0' });
    const answer = await api.as(admin).get<{ code: string }>(`/v1/releases?sort=${sort}&cursor=${cursor}`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
  });
});
