import path from 'node:path';
import { normalizeDpid } from './identifiers/dpid.ts';
import type { PasswordHashCost } from './users/passwords.ts';

/** Thrown when an environment variable is missing or malformed; the message names the variable and the fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  logLevel: string;
  databaseUrl: string | null;
  /**
   * PostgreSQL connections of this process, and how long a request waits for one when all are busy before
   * it is answered 503 with `retry-after` (load shedding: a queue, bounded in time).
   */
  databasePool: { size: number; acquireTimeoutMs: number };
  redisUrl: string | null;
  redisPrefix: string;
  storageUrl: string;
  s3: { endpoint: string | null; accessKeyId: string | null; secretAccessKey: string | null };
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  musicbrainzBaseUrl: string;
  smtpUrl: string | null;
  /** Sender of notification e-mail, and the base of links in it. */
  smtpFrom: string;
  publicUrl: string;
  /** Upload size limits (API.md: artwork 20 MB, audio 2 GB by default). */
  artworkMaxBytes: number;
  audioMaxBytes: number;
  secretsKey: string;
  outboundAllowlist: string[];
  dataDir: string;
  corsOrigins: string[];
  trustProxyHops: number;
  platformName: string;
  platformDpid: string;
  bootstrapAdmin: { email: string; password: string } | null;
  workers: boolean;
  /** Argon2id parameters for new password hashes (`test` only outside production). */
  passwordHashCost: PasswordHashCost;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  /** Failed sign-ins a minute per (account, client IP) pair and per client IP before 429 (API.md: 5 and 20). */
  loginFailures: { perAccount: number; perIp: number };
  /** Deliveries: transport retries (capped exponential backoff), ACK timeout, how often the sweeper runs. */
  deliveries: {
    backoffBaseMs: number;
    backoffCapMs: number;
    maxAttempts: number;
    ackTimeoutMs: number;
    sweepIntervalMs: number;
    transportTimeoutMs: number;
  };
}

type Env = Record<string, string | undefined>;

const DEV_SECRET = 'soundcheck-development-secret-change-me-0123456789';

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL (expected ${protocols.join(' or ')}//…)`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}// (got "${parsed.protocol}")`);
  }
  return raw;
}

function list(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

// A placeholder with a valid check character: never a real party's DPID, which a sender would impersonate.
const PLACEHOLDER_DPID = 'PADPIDA0000000001O';

function dpid(env: Env, name: string): string {
  const raw = env[name];
  if (!raw) return PLACEHOLDER_DPID;
  const normalized = normalizeDpid(raw);
  if (!normalized)
    throw new ConfigError(`${name} is not a DDEX Party ID with a valid check character (got "${raw}")`);
  return normalized;
}

function environment(env: Env): Config['env'] {
  const raw = env.NODE_ENV ?? 'development';
  if (raw === 'development' || raw === 'test' || raw === 'production') return raw;
  throw new ConfigError(`NODE_ENV must be development, test or production (got "${raw}")`);
}

function secret(env: Env, name: string, production: boolean): string {
  const raw = env[name];
  if (raw) {
    if (raw.length < 32) throw new ConfigError(`${name} must be at least 32 characters long`);
    return raw;
  }
  if (production) throw new ConfigError(`${name} is required when NODE_ENV=production`);
  return DEV_SECRET;
}

function bootstrapAdmin(env: Env): Config['bootstrapAdmin'] {
  const email = env.BOOTSTRAP_ADMIN_EMAIL;
  const password = env.BOOTSTRAP_ADMIN_PASSWORD;
  if (!email && !password) return null;
  if (!email || !password) {
    throw new ConfigError('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  if (password.length < 8)
    throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD must be at least 8 characters long');
  return { email, password };
}

function passwordHashCost(env: Env, production: boolean): PasswordHashCost {
  const cost = env.PASSWORD_HASH_COST || 'owasp';
  if (cost !== 'owasp' && cost !== 'test')
    throw new ConfigError(`PASSWORD_HASH_COST must be owasp or test (got "${cost}")`);
  if (cost === 'test' && production)
    throw new ConfigError('PASSWORD_HASH_COST=test is for test suites; production keeps owasp (unset it)');
  return cost;
}

/** Reads and validates the service configuration from environment variables (API.md, "Running it"). */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = environment(env);
  const production = nodeEnv === 'production';
  const dataDir = path.resolve(env.DATA_DIR || '.data');
  const workers = env.WORKERS ?? 'on';
  if (workers !== 'on' && workers !== 'off')
    throw new ConfigError(`WORKERS must be on or off (got "${workers}")`);
  return {
    env: nodeEnv,
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePool: {
      size: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
      acquireTimeoutMs: integer(env, 'DATABASE_POOL_TIMEOUT_MS', 5000, 1, 600_000),
    },
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix: env.REDIS_PREFIX || 'sc:',
    storageUrl: url(env, 'STORAGE_URL', ['file:', 's3:']) ?? `file://${path.join(dataDir, 'objects')}`,
    s3: {
      endpoint: url(env, 'S3_ENDPOINT', ['http:', 'https:']),
      accessKeyId: env.S3_ACCESS_KEY_ID || null,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY || null,
    },
    jwtSecret: secret(env, 'JWT_SECRET', production),
    jwtIssuer: env.JWT_ISSUER || 'soundcheck-api',
    jwtAudience: env.JWT_AUDIENCE || 'soundcheck-clients',
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 15 * 60, 10, 24 * 3600),
    refreshTokenTtlSeconds: integer(env, 'REFRESH_TOKEN_TTL_SECONDS', 7 * 24 * 3600, 60, 90 * 24 * 3600),
    musicbrainzBaseUrl:
      url(env, 'MUSICBRAINZ_BASE_URL', ['http:', 'https:']) ?? 'https://musicbrainz.org/ws/2/',
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    smtpFrom: env.SMTP_FROM || 'Soundcheck <no-reply@soundcheck.local>',
    publicUrl: (
      url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://${env.HOST || '127.0.0.1'}:${env.PORT || 3000}`
    ).replace(/\/$/, ''),
    artworkMaxBytes: integer(env, 'ARTWORK_MAX_BYTES', 20 * 1000 * 1000, 1024, 1024 ** 3),
    audioMaxBytes: integer(env, 'AUDIO_MAX_BYTES', 2 * 1000 * 1000 * 1000, 1024, 64 * 1024 ** 3),
    secretsKey: secret(env, 'SECRETS_KEY', production),
    outboundAllowlist: list(env, 'OUTBOUND_ALLOWLIST'),
    dataDir,
    corsOrigins: list(env, 'CORS_ORIGINS'),
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    platformName: env.PLATFORM_NAME || 'Soundcheck Distribution',
    platformDpid: dpid(env, 'PLATFORM_DPID'),
    bootstrapAdmin: bootstrapAdmin(env),
    workers: workers === 'on',
    passwordHashCost: passwordHashCost(env, production),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    loginFailures: {
      perAccount: integer(env, 'LOGIN_FAILURES_PER_ACCOUNT', 5, 1, 1_000_000),
      perIp: integer(env, 'LOGIN_FAILURES_PER_IP', 20, 1, 1_000_000),
    },
    deliveries: {
      backoffBaseMs: integer(env, 'DELIVERY_BACKOFF_BASE_MS', 5_000, 1, 3_600_000),
      backoffCapMs: integer(env, 'DELIVERY_BACKOFF_CAP_MS', 15 * 60_000, 1, 24 * 3_600_000),
      maxAttempts: integer(env, 'DELIVERY_MAX_ATTEMPTS', 8, 1, 100),
      ackTimeoutMs: integer(env, 'DELIVERY_ACK_TIMEOUT_MS', 48 * 3_600_000, 100, 30 * 24 * 3_600_000),
      sweepIntervalMs: integer(env, 'DELIVERY_SWEEP_INTERVAL_MS', 30_000, 50, 3_600_000),
      transportTimeoutMs: integer(env, 'DELIVERY_TRANSPORT_TIMEOUT_MS', 20_000, 100, 600_000),
    },
  };
}
