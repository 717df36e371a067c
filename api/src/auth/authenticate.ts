import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { preparedPer } from '../db/prepared.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { users } from '../users/tables.ts';
import type { Actor } from './actor.ts';
import { authSessions } from './tables.ts';
import { type TokenClaims, verifyToken } from './tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, set by the `authenticate` hook; read it with `actorOf(request)`. */
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Route `onRequest` hook: 401 unless the request carries a live access token (`request.actor`). */
    authenticate: (request: FastifyRequest) => Promise<void>;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_.-]+)$/;
const REALM = 'Bearer realm="soundcheck"';

const unauthenticated = () =>
  new ApiError('UNAUTHENTICATED', 'Send an access token as "Authorization: Bearer <token>"', {
    headers: { 'www-authenticate': REALM },
  });

const invalidToken = () =>
  new ApiError('INVALID_TOKEN', 'The access token is invalid, expired or revoked; sign in again', {
    headers: { 'www-authenticate': `${REALM}, error="invalid_token"` },
  });

const verified = new WeakMap<FastifyRequest, TokenClaims | null>();

/** The bearer token of a request, or null when there is no Authorization header at all. */
function bearerOf(request: FastifyRequest): string | null | 'malformed' {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  return BEARER.exec(header)?.[1] ?? 'malformed';
}

/**
 * The verified claims of the request's access token (signature and claims only, no database), computed
 * once per request; null without a valid token. The rate limiter keys on it before routes run.
 */
export function accessClaimsOf(request: FastifyRequest, deps: Deps): TokenClaims | null {
  const known = verified.get(request);
  if (known !== undefined) return known;
  const token = bearerOf(request);
  const claims =
    token === null || token === 'malformed'
      ? null
      : verifyToken(deps.config, deps.clock.now(), token, 'access');
  verified.set(request, claims);
  return claims;
}

/**
 * The actor of valid claims, read fresh on every request in one prepared statement by primary keys: the
 * user must be active, not deleted, at the token's version, and the session live (not revoked, not expired).
 */
const actorQuery = preparedPer((orm) =>
  orm
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      labelId: users.labelId,
      partnerId: users.partnerId,
    })
    .from(users)
    .innerJoin(authSessions, eq(authSessions.userId, users.id))
    .where(
      and(
        eq(users.id, sql.placeholder('sub')),
        eq(users.active, true),
        isNull(users.deletedAt),
        eq(users.tokenVersion, sql.placeholder('ver')),
        eq(authSessions.id, sql.placeholder('sid')),
        isNull(authSessions.revokedAt),
        sql`${authSessions.expiresAt} > ${sql.placeholder('now')}`,
      ),
    )
    .limit(1)
    .prepare('auth_actor'),
);

async function actorFor(deps: Deps, claims: TokenClaims): Promise<Actor | null> {
  const rows = await actorQuery(deps.db.orm).execute({
    sub: claims.sub,
    ver: claims.ver,
    sid: claims.sid,
    now: deps.clock.now().toISOString(),
  });
  return rows[0] ?? null;
}

/** Decorates the app with `authenticate` and requests with `actor`. Call before registering routes. */
export function registerAuthentication(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorate('authenticate', async (request: FastifyRequest) => {
    const token = bearerOf(request);
    if (token === null) throw unauthenticated();
    const claims = accessClaimsOf(request, deps);
    if (!claims) throw invalidToken();
    const actor = await actorFor(deps, claims);
    if (!actor) throw invalidToken();
    request.actor = actor;
  });
}

/** The actor of an authenticated route; a route without the `authenticate` hook is a programming error. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor)
    throw new Error(`route ${request.routeOptions.url} reads the actor without authenticate`);
  return request.actor;
}

/** The session (sid) of the request's access token; only on authenticated routes. */
export function sessionOf(request: FastifyRequest, deps: Deps): TokenClaims {
  const claims = accessClaimsOf(request, deps);
  if (!claims) throw invalidToken();
  return claims;
}
