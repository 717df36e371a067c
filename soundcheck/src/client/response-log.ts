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

/** Records a call on the test's meta, where the reporter reads it after the test. */
export function recordApiResponse(
  meta: { apiCalls?: ApiCall[] },
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
}
