import type { TestRecord } from '../reporter/test-record.ts';

/** `/v1/releases/:id/tracks` → `releases`; `/health` → `health`. */
export function areaOfRoute(route: string): string {
  const segments = route.split('?')[0]!.split('/').filter(Boolean);
  const first = segments[0] === 'v1' ? segments[1] : segments[0];
  return first ?? '/';
}

/**
 * The API areas a test touched, from the route templates of its calls, in the order first touched; the
 * last call's area first, since a failing test most often stopped in the area it was working on.
 */
export function areasOf(test: Pick<TestRecord, 'apiCalls'>): string[] {
  const areas = [...new Set(test.apiCalls.map((call) => areaOfRoute(call.route)))];
  const last = test.apiCalls.at(-1);
  if (!last) return areas;
  const where = areaOfRoute(last.route);
  return [where, ...areas.filter((area) => area !== where)];
}
