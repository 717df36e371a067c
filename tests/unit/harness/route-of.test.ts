import { recordApiResponse, routeOf } from 'soundcheck/client/response-log.ts';
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
