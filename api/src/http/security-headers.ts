import type { FastifyInstance } from 'fastify';

/** Headers every response carries (API.md, "Conventions"). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', String(request.id));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.removeHeader('x-powered-by');
    if (request.url.startsWith('/v1/auth/') || request.url === '/v1/me')
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
