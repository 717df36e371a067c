import { releaseBody } from '../../../factories/releases.ts';
import type { Load } from './drive.ts';
import type { Catalog } from './seed-catalog.ts';

/** One measured route: its name (a route template) and the load that drives it. */
export interface Route {
  name: string;
  /** The process that serves it, whose CPU time is measured. */
  pid: number;
  load: () => Load;
  /** Runs after each measured run: POST /v1/releases deletes what it created. */
  after?: () => Promise<void>;
}

/** The routes issue #17 names, all as the seeded label manager except /health. */
export function apiRoutes(
  api: { url: string; pid: number },
  catalog: Catalog,
  deleteCreated: () => Promise<void>,
  upcPrefix: () => string,
): Route[] {
  const token = catalog.manager.accessToken;
  const get = (name: string, path: string, withToken = true): Route => ({
    name,
    pid: api.pid,
    load: () => ({ target: api.url, path, ...(withToken ? { token } : {}), expect: 200 }),
  });
  const id = catalog.releaseId;
  // One valid body; the load engine's runner gives every request a fresh UPC.
  const body: Record<string, unknown> = { ...releaseBody([catalog.artistId]) };
  return [
    get('GET /health', '/health', false),
    get('GET /v1/me', '/v1/me'),
    get('GET /v1/releases/{id}', `/v1/releases/${id}`),
    get('GET /v1/releases?limit=50', '/v1/releases?limit=50'),
    get('GET /v1/releases/{id}/tracks', `/v1/releases/${id}/tracks`),
    {
      name: 'POST /v1/releases',
      pid: api.pid,
      load: () => ({
        target: api.url,
        path: '/v1/releases',
        token,
        body,
        upcPrefix: upcPrefix(),
        expect: 201,
      }),
      after: deleteCreated,
    },
  ];
}

const ALBUM_REFERENCE = 'reference: Fastify + pg, same album';

/**
 * The references, bare Fastify + pg: the issue's, reading the same release row (every ratio is to it), and
 * one reading the same album document as GET /v1/releases/{id}, which tells the API's overhead apart from
 * the work of the read itself.
 */
export function referenceRoutes(reference: { url: string; pid: number }, releaseId: string): Route[] {
  const get = (name: string, path: string): Route => ({
    name,
    pid: reference.pid,
    load: () => ({ target: reference.url, path, expect: 200 }),
  });
  return [
    get('reference: Fastify + pg, same row', `/releases/${releaseId}`),
    get(ALBUM_REFERENCE, `/albums/${releaseId}`),
  ];
}
