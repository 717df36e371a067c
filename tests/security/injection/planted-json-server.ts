import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyError } from 'fastify';
import { type ApiClient, createApiClient, fetchTransport } from 'soundcheck/client/http-client.ts';
import type { JsonWriteTarget } from './body-checks.ts';

/**
 * The one bug a planted JSON server carries, each violating exactly one body check; `none` passes them all:
 * - `pollutes`: keeps `__proto__`/`constructor.prototype` keys and merges their fields into the defaults
 *   every later item is built from, as a polluted `Object.prototype` would;
 * - `slow-on-depth`: refuses a deeply nested body, but only after walking it slowly (3 s);
 * - `reads-any-type`: parses any content type as JSON (or form fields) and creates the item.
 */
export type BodyPlant = 'none' | 'pollutes' | 'slow-on-depth' | 'reads-any-type';

const problem = (status: number, code: string) => ({ type: 'about:blank', title: code, status, code });

/** Nesting depth of a JSON value, walked without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop() as [unknown, number];
    deepest = Math.max(deepest, depth);
    if (item && typeof item === 'object')
      for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** `POST /items { name, meta? }` (names unique) and `GET /items/{id}`, with `plant` in it. */
export async function startPlantedJsonServer(
  plant: BodyPlant,
): Promise<{ target: JsonWriteTarget; close(): Promise<void> }> {
  const ignore = plant === 'pollutes' ? 'ignore' : 'error';
  const app = Fastify({ onProtoPoisoning: ignore, onConstructorPoisoning: ignore });
  const items = new Map<string, Record<string, unknown>>();
  const defaults: Record<string, unknown> = {};
  if (plant === 'reads-any-type') {
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser('*', { parseAs: 'string' }, (_request, text, done) => {
      const json = /\{.*\}/s.exec(String(text))?.[0];
      try {
        done(null, json ? JSON.parse(json) : Object.fromEntries(new URLSearchParams(String(text))));
      } catch (error) {
        done(Object.assign(error as Error, { statusCode: 400 }), undefined);
      }
    });
  }
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    const code =
      status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED';
    reply.code(status).type('application/problem+json').send(problem(status, code));
  });
  app.get('/openapi.json', async () => ({ openapi: '3.1.0', info: { title: 'planted', version: '1' } }));
  app.post('/items', async (request, reply) => {
    const body = request.body as Record<string, unknown> | null;
    if (plant === 'slow-on-depth' && depthOf(body) > 1000) await sleep(3000);
    if (!body || typeof body !== 'object' || typeof body.name !== 'string' || body.name.length > 200)
      return reply.code(400).type('application/problem+json').send(problem(400, 'VALIDATION_FAILED'));
    if ([...items.values()].some((item) => item.name === body.name))
      return reply.code(409).type('application/problem+json').send(problem(409, 'CONFLICT'));
    if (plant === 'pollutes')
      for (const holder of [body, body.meta as Record<string, unknown> | undefined]) {
        const own = holder && Object.getOwnPropertyDescriptor(holder, '__proto__')?.value;
        const viaConstructor = (holder?.constructor as { prototype?: unknown } | undefined)?.prototype;
        for (const source of [own, viaConstructor])
          if (source && typeof source === 'object' && source !== Object.prototype)
            Object.assign(defaults, source);
      }
    const item = { ...defaults, id: randomUUID(), name: body.name, meta: body.meta ?? null };
    items.set(item.id, item);
    return reply.code(201).send(item);
  });
  app.get<{ Params: { id: string } }>('/items/:id', async (request, reply) => {
    const item = items.get(request.params.id);
    return item ?? reply.code(404).type('application/problem+json').send(problem(404, 'NOT_FOUND'));
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const client: ApiClient = createApiClient(fetchTransport(address));
  let n = 0;
  return {
    target: {
      api: client,
      client,
      path: '/items',
      body: () => ({ name: `item ${++n} ${randomUUID()}`, meta: { note: 'planted' } }),
      stringField: 'name',
      objectField: 'meta',
      readPath: (id) => `/items/${id}`,
    },
    close: () => app.close(),
  };
}
