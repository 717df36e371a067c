import type { FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import type { Actor } from './actor.ts';
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

export const unauthenticated = () =>
  new ApiError('UNAUTHENTICATED', 'Send an access token as "Authorization: Bearer <token>"', {
    headers: { 'www-authenticate': REALM },
  });

export const invalidToken = () =>
  new ApiError('INVALID_TOKEN', 'The access token is invalid, expired or revoked; sign in again', {
    headers: { 'www-authenticate': `${REALM}, error="invalid_token"` },
  });

const verified = new WeakMap<FastifyRequest, TokenClaims | null>();

/** The bearer token of a request, or null when there is no Authorization header at all. */
export function bearerOf(request: FastifyRequest): string | null | 'malformed' {
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
