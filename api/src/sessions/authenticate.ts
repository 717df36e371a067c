import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import { accessClaimsOf, bearerOf, invalidToken, unauthenticated } from '../auth/authenticate.ts';
import type { TokenClaims } from '../auth/tokens.ts';
import { preparedPer } from '../db/prepared.ts';
import type { Deps } from '../deps.ts';
import { users } from '../users/tables.ts';
import { authSessions } from './tables.ts';

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
