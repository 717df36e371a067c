import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';

/** The one bug a planted server carries; `none` is the reference that every check must pass. */
export type Plant =
  | 'none'
  | 'server-error'
  | 'undocumented-status'
  | 'wrong-content-type'
  | 'body-off-schema'
  | 'accepts-invalid'
  | 'refuses-valid'
  | 'ignores-auth'
  | 'leaks-stack-trace'
  | 'keeps-deleted'
  | 'loses-created'
  | 'changes-on-refusal'
  | 'existence-leak'
  | 'no-405';

const item = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } },
  additionalProperties: false,
};
const problem = {
  description: 'refused',
  content: { 'application/problem+json': { schema: { type: 'object' } } },
};
const json = (schema: object) => ({ description: 'ok', content: { 'application/json': { schema } } });
const nameBody = (required: string[]) => ({
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required,
        properties: { name: { type: 'string', minLength: 1, maxLength: 20 } },
        additionalProperties: false,
      },
    },
  },
});

/** The spec of the planted server: a small CRUD collection behind a bearer token. */
export const plantedSpec = {
  openapi: '3.1.0',
  info: { title: 'planted', version: '1' },
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  security: [{ bearer: [] }],
  paths: {
    '/items': { post: { requestBody: nameBody(['name']), responses: { 201: json(item), '4XX': problem } } },
    '/items/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      get: { responses: { 200: json(item), '4XX': problem } },
      patch: { requestBody: nameBody([]), responses: { 200: json(item), '4XX': problem } },
      delete: { responses: { 204: { description: 'gone' }, '4XX': problem } },
    },
  },
};

export const OWNER_TOKEN = 'owner-token';
export const OUTSIDER_TOKEN = 'outsider-token';

const refuse = (reply: FastifyReply, status: number, extra = '') =>
  reply
    .code(status)
    .type('application/problem+json')
    .send(JSON.stringify({ status, title: 'refused', detail: extra }));

const validName = (name: unknown): name is string =>
  typeof name === 'string' && [...name].length >= 1 && [...name].length <= 20; // JSON Schema counts code points
const onlyName = (body: unknown): body is { name?: unknown } =>
  typeof body === 'object' &&
  body !== null &&
  !Array.isArray(body) &&
  Object.keys(body).every((key) => key === 'name');

/** A server that follows `plantedSpec` exactly, except for the one `plant`ed bug. */
export function plantedServer(plant: Plant): FastifyInstance {
  const app = Fastify();
  const items = new Map<string, { id: string; name: string }>();
  const is = (bug: Plant) => plant === bug;
  app.setNotFoundHandler((request, reply) => {
    if (!is('no-405') && /^\/items(\/[^/]+)?$/.test(request.url)) {
      reply.header('allow', request.url === '/items' ? 'POST' : 'GET, PATCH, DELETE');
      return refuse(reply, 405);
    }
    return refuse(reply, 404);
  });
  app.addHook('onRequest', async (request, reply) => {
    const token = request.headers.authorization?.replace(/^Bearer /, '');
    if (token !== OWNER_TOKEN && token !== OUTSIDER_TOKEN && !is('ignores-auth'))
      return refuse(reply.header('www-authenticate', 'Bearer'), 401);
  });
  const outsider = (auth: string | undefined) => auth === `Bearer ${OUTSIDER_TOKEN}`;
  app.post('/items', async (request, reply) => {
    const body = request.body as { name?: unknown };
    const acceptable = onlyName(body) && validName(body.name);
    if (!acceptable && !is('accepts-invalid')) return refuse(reply, 400);
    if (is('refuses-valid') && String(body.name).length > 3) return refuse(reply, 400);
    const created = { id: randomUUID(), name: validName(body?.name) ? body.name : 'x' };
    if (!is('loses-created')) items.set(created.id, created);
    return reply.code(is('undocumented-status') ? 200 : 201).send(created);
  });
  app.get<{ Params: { id: string } }>('/items/:id', async (request, reply) => {
    const found = items.get(request.params.id);
    if (!found)
      return refuse(
        reply,
        404,
        is('leaks-stack-trace') ? 'Error: no item\n    at find (/srv/app/items.js:10:5)' : '',
      );
    if (outsider(request.headers.authorization)) return refuse(reply, is('existence-leak') ? 403 : 404);
    if (is('wrong-content-type')) return reply.type('text/plain').send(JSON.stringify(found));
    return is('body-off-schema') ? { ...found, name: 42 } : found;
  });
  app.patch<{ Params: { id: string } }>('/items/:id', async (request, reply) => {
    const found = items.get(request.params.id);
    if (!found || outsider(request.headers.authorization)) return refuse(reply, 404);
    const body = request.body as { name?: unknown };
    if (is('changes-on-refusal') && onlyName(body) && body.name !== undefined) found.name = String(body.name);
    if (!onlyName(body) || (body.name !== undefined && !validName(body.name))) return refuse(reply, 400);
    if (is('server-error') && body.name !== undefined) throw new Error('planted');
    if (body.name !== undefined) found.name = body.name;
    return found;
  });
  app.delete<{ Params: { id: string } }>('/items/:id', async (request, reply) => {
    if (!items.has(request.params.id) || outsider(request.headers.authorization)) return refuse(reply, 404);
    if (!is('keeps-deleted')) items.delete(request.params.id);
    return reply.code(204).send();
  });
  return app;
}
