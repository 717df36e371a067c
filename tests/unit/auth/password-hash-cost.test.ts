import { ConfigError, loadConfig } from '@soundcheck/api/config.ts';
import { hashPassword, verifyPassword } from '@soundcheck/api/users/passwords.ts';
import { describe, expect, test } from 'vitest';

describe('password hashing cost', { tags: ['unit', 'auth'] }, () => {
  test('production stores Argon2id with OWASP’s minimum: 19 MiB, 2 passes, 1 lane', async () => {
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), SECRETS_KEY: 's'.repeat(32) })
        .passwordHashCost,
    ).toBe('owasp');
    const stored = await hashPassword('correct horse battery', 'owasp');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'wrong horse battery')).toBe(false);
  });

  test('the suites’ cheaper cost is refused in production, and any other value anywhere', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), SECRETS_KEY: 's'.repeat(32) };
    expect(() => loadConfig({ ...production, PASSWORD_HASH_COST: 'test' })).toThrow(
      new ConfigError('PASSWORD_HASH_COST=test is for test suites; production keeps owasp (unset it)'),
    );
    expect(() => loadConfig({ PASSWORD_HASH_COST: 'fast' })).toThrow(
      /PASSWORD_HASH_COST must be owasp or test/,
    );
  });

  test('a hash carries its parameters: one made at test cost verifies, and says it is Argon2id too', async () => {
    const stored = await hashPassword('correct horse battery', 'test');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
  });
});
