import type { KeyObject } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Config } from '../config.ts';
import { hmacKey, verifyHs256 } from './hs256.ts';

export type TokenUse = 'access' | 'refresh';

/** The claims of our JWTs: the registered ones plus `sid` (session / refresh family), `ver`, `use`. */
export interface TokenClaims {
  sub: string;
  jti: string;
  sid: string;
  /** The user's token_version when signed: bumping it (password change) ends every token at once. */
  ver: number;
  use: TokenUse;
  iat: number;
  exp: number;
}

type TokenConfig = Pick<
  Config,
  'jwtSecret' | 'jwtIssuer' | 'jwtAudience' | 'accessTokenTtlSeconds' | 'refreshTokenTtlSeconds'
>;

// One fixed algorithm: a token naming any other (`none`, RS256 with our secret as a public key…) is refused.
export const JWT_ALGORITHM = 'HS256';
const REQUIRED_CLAIMS = ['exp', 'iat', 'sub', 'jti', 'iss', 'aud'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const keyOf = (config: TokenConfig): Uint8Array => new TextEncoder().encode(config.jwtSecret);

const verifyKeys = new WeakMap<TokenConfig, KeyObject>();
function verifyKeyOf(config: TokenConfig): KeyObject {
  let key = verifyKeys.get(config);
  if (!key) {
    key = hmacKey(config.jwtSecret);
    verifyKeys.set(config, key);
  }
  return key;
}

const isNumericDate = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export const ttlOf = (config: TokenConfig, use: TokenUse): number =>
  use === 'access' ? config.accessTokenTtlSeconds : config.refreshTokenTtlSeconds;

/** Signs a token for `use`; returns it with its jti. */
export async function signToken(
  config: TokenConfig,
  now: Date,
  claims: { use: TokenUse; sub: string; sid: string; ver: number; jti?: string },
): Promise<{ token: string; jti: string }> {
  const jti = claims.jti ?? randomUUID();
  const iat = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({ sid: claims.sid, ver: claims.ver, use: claims.use })
    .setProtectedHeader({ alg: JWT_ALGORITHM, typ: 'JWT' })
    .setSubject(claims.sub)
    .setJti(jti)
    .setIssuer(config.jwtIssuer)
    .setAudience(config.jwtAudience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlOf(config, claims.use))
    .sign(keyOf(config));
  return { token, jti };
}

/**
 * The claims of `token` when it is a well-signed (HS256 only), unexpired token of `use` from our issuer for
 * our audience, with every required claim; otherwise null (the caller answers 401 without saying which
 * check failed). Synchronous: the signature is one HMAC with a key made once per configuration.
 */
export function verifyToken(
  config: TokenConfig,
  now: Date,
  token: string,
  use: TokenUse,
): TokenClaims | null {
  const payload = verifyHs256(token, verifyKeyOf(config));
  if (!payload) return null;
  if (REQUIRED_CLAIMS.some((claim) => !Object.hasOwn(payload, claim))) return null;
  const { sub, jti, sid, ver, iat, exp, nbf, iss, aud } = payload;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (iss !== config.jwtIssuer) return null;
  if (aud !== config.jwtAudience && !(Array.isArray(aud) && aud.includes(config.jwtAudience))) return null;
  if (!isNumericDate(iat) || !isNumericDate(exp) || exp <= nowSeconds) return null;
  if (nbf !== undefined && (!isNumericDate(nbf) || nbf > nowSeconds)) return null;
  if (payload.use !== use) return null;
  if (typeof sub !== 'string' || !UUID.test(sub)) return null;
  if (typeof jti !== 'string' || !UUID.test(jti)) return null;
  if (typeof sid !== 'string' || !UUID.test(sid)) return null;
  if (typeof ver !== 'number' || !Number.isInteger(ver)) return null;
  // A token issued in the future is forged or from a skewed clock: refuse it rather than extend its life.
  if (iat > nowSeconds + 60) return null;
  return { sub, jti, sid, ver, use, iat, exp };
}
