import { assertNoInternalErrors, recordApiResponse, routeOf } from 'soundcheck/client/response-log.ts';
import { describe, expect, test } from 'vitest';

describe('API calls recorded by tests', { tags: ['unit', 'harness'] }, () => {
  test('ids in paths are folded so response times group by route', () => {
    expect(routeOf('/v1/releases/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/tracks/42?limit=5')).toBe(
      '/v1/releases/:id/tracks/:id',
    );
    expect(routeOf('/v1/lookup/isrc/BET671300161')).toBe('/v1/lookup/isrc/BET671300161');
  });

  test('each call lands on the test meta with its status and duration', () => {
    const meta: Parameters<typeof recordApiResponse>[0] = {};
    const response = { status: 201, headers: {}, body: {}, text: '', durationMs: 1.23456 };
    recordApiResponse(meta, { method: 'POST', path: '/v1/labels' }, response);
    recordApiResponse(meta, { method: 'GET', path: '/health' }, { ...response, status: 200 });
    expect(meta.apiCalls).toEqual([
      { method: 'POST', route: '/v1/labels', status: 201, durationMs: 1.235 },
      { method: 'GET', route: '/health', status: 200, durationMs: 1.235 },
    ]);
  });
});

describe('the guard against 500s', { tags: ['unit', 'harness'] }, () => {
  test('passes when no call got a 500, 502 and 503 included', () => {
    const meta = {
      apiCalls: [200, 422, 502, 503].map((status) => ({ method: 'GET', route: '/x', status, durationMs: 1 })),
    };
    expect(() => assertNoInternalErrors(meta)).not.toThrow();
  });

  test('names every call that got a 500', () => {
    const meta = {
      apiCalls: [
        { method: 'POST', route: '/v1/releases', status: 500, durationMs: 1 },
        { method: 'GET', route: '/health', status: 200, durationMs: 1 },
        { method: 'PATCH', route: '/v1/releases/:id', status: 500, durationMs: 1 },
      ],
    };
    expect(() => assertNoInternalErrors(meta)).toThrow(
      'the API answered 500 INTERNAL_ERROR to POST /v1/releases, PATCH /v1/releases/:id; a bad input must get a 4xx with a stable code',
    );
  });
});
