import { type DeliveryLog, recordDeliveryFacts } from './delivery-log.ts';
import type { ApiRequest, ApiResponse } from './http-client.ts';

/** One API call a test made, as the metrics collector sees it. */
export interface ApiCall {
  method: string;
  route: string;
  status: number;
  durationMs: number;
}

declare module 'vitest' {
  interface TaskMeta {
    apiCalls?: ApiCall[];
  }
}

const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)$/i;

/** `/v1/releases/0190…/tracks?x=1` → `/v1/releases/:id/tracks`: response times group by route, not by id. */
export function routeOf(path: string): string {
  const bare = path.split('?')[0] ?? path;
  return bare
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment))
    .join('/');
}

/** Records a call, and any delivery or partner it answered with, on the test's meta, where the reporter reads them after the test. */
export function recordApiResponse(
  meta: { apiCalls?: ApiCall[]; deliveryLog?: DeliveryLog },
  request: ApiRequest,
  response: ApiResponse,
): void {
  meta.apiCalls ??= [];
  meta.apiCalls.push({
    method: request.method,
    route: routeOf(request.path),
    status: response.status,
    durationMs: Math.round(response.durationMs * 1000) / 1000,
  });
  recordDeliveryFacts(meta, response.body);
}

/** Throws when the API answered 500 to any call the test made (a 500 is a bug even where a test expects an error). */
export function assertNoInternalErrors(meta: { apiCalls?: ApiCall[] }): void {
  const failures = (meta.apiCalls ?? []).filter((call) => call.status === 500);
  if (failures.length === 0) return;
  const list = failures.map((call) => `${call.method} ${call.route}`).join(', ');
  throw new Error(
    `the API answered 500 INTERNAL_ERROR to ${list}; a bad input must get a 4xx with a stable code`,
  );
}
