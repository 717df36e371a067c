import type { FastifyInstance } from 'fastify';

/** Headers every response carries (API.md, "Conventions"). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  // A callback hook, not an async one: no promise per response for a few synchronous header writes.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', String(request.id));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.removeHeader('x-powered-by');
    if (request.url.startsWith('/v1/auth/') || request.url === '/v1/me')
      reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
