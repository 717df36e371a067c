import { ConfigError, loadConfig } from '@soundcheck/api/config.ts';
import { describe, expect, test } from 'vitest';

const load = (env: Record<string, string>) => () => loadConfig({ NODE_ENV: 'test', ...env });

describe('configuration from the environment', { tags: ['unit', 'ops'] }, () => {
  test('a bare environment gives the embedded defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: null,
      databasePool: { size: 10, acquireTimeoutMs: 5000 },
      redisUrl: null,
      workers: true,
      bodyLimitBytes: 1024 * 1024,
      rateLimitPerMinute: 600,
    });
    expect(config.storageUrl).toMatch(/^file:\/\/.*\/\.data\/objects$/);
  });

  test.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number from 0 to 65535 \(got "abc"\)$/],
    [{ PORT: '70000' }, /^PORT must be/],
    [{ PORT: '-1' }, /^PORT must be/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL is not a valid URL/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^DATABASE_URL must start with postgres: or postgresql:/],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, /^REDIS_URL must start with redis: or rediss:/],
    [{ STORAGE_URL: 'ftp://host/x' }, /^STORAGE_URL must start with file: or s3:/],
    [{ NODE_ENV: 'staging' }, /^NODE_ENV must be development, test or production/],
    [{ WORKERS: 'maybe' }, /^WORKERS must be on or off/],
    [{ DATABASE_POOL_SIZE: '0' }, /^DATABASE_POOL_SIZE must be a whole number from 1 to 1000/],
    [{ DATABASE_POOL_TIMEOUT_MS: '2s' }, /^DATABASE_POOL_TIMEOUT_MS must be a whole number/],
    [
      { PLATFORM_DPID: 'PADPIDA2011072101U' },
      /^PLATFORM_DPID is not a DDEX Party ID with a valid check character/,
    ],
    [{ JWT_SECRET: 'short' }, /^JWT_SECRET must be at least 32 characters/],
    [
      { BOOTSTRAP_ADMIN_EMAIL: 'a@b.c' },
      /^BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together$/,
    ],
    [
      { BOOTSTRAP_ADMIN_EMAIL: 'a@b.c', BOOTSTRAP_ADMIN_PASSWORD: 'short' },
      /^BOOTSTRAP_ADMIN_PASSWORD must be/,
    ],
  ])('%o is refused with a message naming the variable', (env, message) => {
    expect(load(env)).toThrow(ConfigError);
    expect(load(env)).toThrow(message);
  });

  test('production requires its secrets instead of falling back to development ones', () => {
    expect(load({ NODE_ENV: 'production' })).toThrow('JWT_SECRET is required when NODE_ENV=production');
    const secret = 'x'.repeat(32);
    expect(load({ NODE_ENV: 'production', JWT_SECRET: secret })).toThrow('SECRETS_KEY is required');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, SECRETS_KEY: secret }).jwtSecret).toBe(
      secret,
    );
  });

  test('the ERN sender defaults to a placeholder DPID, never a real party’s, and accepts the display form', () => {
    expect(loadConfig({}).platformDpid).toBe('PADPIDA0000000001O');
    expect(loadConfig({ PLATFORM_DPID: 'PA-DPIDA-2011072101-T' }).platformDpid).toBe('PADPIDA2011072101T');
  });

  test('lists are split on commas and trimmed', () => {
    const config = loadConfig({
      CORS_ORIGINS: ' https://a.example , https://b.example,',
      OUTBOUND_ALLOWLIST: 'sftp.test',
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.outboundAllowlist).toEqual(['sftp.test']);
  });
});
