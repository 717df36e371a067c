import { describe, expect, test } from 'vitest';
import { areaOfRoute, areasOf } from './area.ts';

const call = (route: string) => ({ method: 'GET', route, status: 200, durationMs: 1 });

describe('API areas of a test', { tags: ['unit', 'reporting'] }, () => {
  test.for([
    ['/v1/releases/:id/tracks', 'releases'],
    ['/v1/deliveries?state=failed', 'deliveries'],
    ['/health', 'health'],
    ['/', '/'],
  ])('%s is in %s', ([route, area]) => {
    expect(areaOfRoute(route!)).toBe(area);
  });

  test('the area of the last call comes first, then the others in the order touched', () => {
    const calls = [
      '/v1/auth/login',
      '/v1/releases',
      '/v1/partners',
      '/v1/deliveries/:id',
      '/v1/releases/:id',
    ].map(call);
    expect(areasOf({ apiCalls: calls })).toEqual(['releases', 'auth', 'partners', 'deliveries']);
    expect(areasOf({ apiCalls: [] })).toEqual([]);
  });
});
