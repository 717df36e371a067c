import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../deps.ts';

async function probe(check: () => Promise<unknown>): Promise<string> {
  try {
    const result = await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000).unref()),
    ]);
    return typeof result === 'string' ? result : 'ok';
  } catch (error) {
    return (error as Error).message.split('\n')[0] || 'unavailable';
  }
}

const Check = Type.String({ description: '"ok", or a short reason' });

/** Liveness and readiness (API.md, "Operations"). */
export function registerOpsRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: each dependency checked',
        response: {
          '2xx': Type.Object({
            status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
            checks: Type.Object({ database: Check, redis: Check, storage: Check }),
          }),
          503: Type.Object({
            status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
            checks: Type.Object({ database: Check, redis: Check, storage: Check }),
          }),
        },
      },
    },
    async (_request, reply) => {
      const [database, redis, storage] = await Promise.all([
        probe(() => deps.db.query('SELECT 1')),
        probe(async () => {
          await deps.redis.ping();
        }),
        probe(() => deps.storage.check()),
      ]);
      const checks = { database, redis, storage };
      const ok = Object.values(checks).every((value) => value === 'ok');
      reply.code(ok ? 200 : 503);
      return { status: ok ? ('ok' as const) : ('unavailable' as const), checks };
    },
  );
}
