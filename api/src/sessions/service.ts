import { randomUUID } from 'node:crypto';
import { signToken, verifyToken } from '../auth/tokens.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { assertLoginAllowed, recordLoginFailure } from '../rate-limit/login-limiter.ts';
import { decoyHash, verifyPassword } from '../users/passwords.ts';
import { findUserByEmail, findUserById, type UserRow } from '../users/repository.ts';
import { openSession, rotateRefreshToken } from './sessions.ts';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

const invalidCredentials = () =>
  new ApiError('INVALID_CREDENTIALS', 'The e-mail or password is wrong, or the account is disabled');

const invalidRefresh = () =>
  new ApiError('INVALID_TOKEN', 'The refresh token is invalid, expired or revoked; sign in again');

async function issuePair(
  deps: Deps,
  user: UserRow,
  sessionId: string,
  refreshJti: string,
): Promise<TokenPair> {
  const now = deps.clock.now();
  const claims = { sub: user.id, sid: sessionId, ver: user.tokenVersion };
  const access = await signToken(deps.config, now, { ...claims, use: 'access' });
  const refresh = await signToken(deps.config, now, { ...claims, use: 'refresh', jti: refreshJti });
  return {
    accessToken: access.token,
    refreshToken: refresh.token,
    tokenType: 'Bearer',
    expiresIn: deps.config.accessTokenTtlSeconds,
  };
}

/**
 * Signs in. Unknown e-mail, wrong password and a disabled account get the same 401 after the same work
 * (an Argon2 verification against a decoy hash when there is no account).
 */
export async function login(deps: Deps, email: string, password: string, ip: string): Promise<TokenPair> {
  await assertLoginAllowed(deps.redis, deps.config.loginFailures, email, ip);
  const user = await findUserByEmail(deps.db, email);
  const matches = await verifyPassword(
    user?.passwordHash ?? (await decoyHash(deps.config.passwordHashCost)),
    password,
  );
  if (!user || !matches || !user.active) {
    await recordLoginFailure(deps.redis, email, ip);
    throw invalidCredentials();
  }
  const expiresAt = new Date(deps.clock.now().getTime() + deps.config.refreshTokenTtlSeconds * 1000);
  const { sessionId, refreshJti } = await openSession(deps.db, user.id, expiresAt);
  return issuePair(deps, user, sessionId, refreshJti);
}

/** Rotates a refresh token; a token already rotated revokes its whole family. */
export async function refresh(deps: Deps, refreshToken: string): Promise<TokenPair> {
  const now = deps.clock.now();
  const claims = await verifyToken(deps.config, now, refreshToken, 'refresh');
  if (!claims) throw invalidRefresh();
  const user = await findUserById(deps.db, claims.sub);
  if (!user?.active || user.tokenVersion !== claims.ver) throw invalidRefresh();
  const nextJti = randomUUID();
  const outcome = await rotateRefreshToken(deps.db, claims.sid, user.id, claims.jti, nextJti, now);
  if (outcome !== 'rotated') throw invalidRefresh();
  return issuePair(deps, user, claims.sid, nextJti);
}
