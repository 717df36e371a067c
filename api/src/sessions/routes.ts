import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { actorOf, sessionOf } from '../auth/authenticate.ts';
import type { Deps } from '../deps.ts';
import { LoginBody, Me, RefreshBody, SessionEnded, TokenPair } from './schema.ts';
import { login, refresh } from './service.ts';
import { revokeSession } from './sessions.ts';

const secured = [{ bearerAuth: [] }];

/** POST /v1/auth/login, /refresh, /logout and GET /v1/me (API.md, "Auth"). */
export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Static<typeof LoginBody> }>(
    '/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        body: LoginBody,
        response: { 200: TokenPair },
      },
    },
    async (request) => login(deps, request.body.email, request.body.password, request.ip),
  );

  app.post<{ Body: Static<typeof RefreshBody> }>(
    '/v1/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new pair (rotation; reuse revokes the family)',
        body: RefreshBody,
        response: { 200: TokenPair },
      },
    },
    async (request) => refresh(deps, request.body.refreshToken),
  );
}

/** The session's own routes, for a signed-in user: logout and who am I. */
export function registerSessionRoutes(app: FastifyInstance, deps: Deps): void {
  app.post(
    '/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End this session',
        security: secured,
        response: { 204: SessionEnded },
      },
    },
    async (request, reply) => {
      const claims = sessionOf(request, deps);
      await revokeSession(deps.db, claims.sid, actorOf(request).id, deps.clock.now());
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/me',
    {
      schema: { tags: ['auth'], summary: 'The signed-in user', security: secured, response: { 200: Me } },
    },
    async (request) => actorOf(request),
  );
}
