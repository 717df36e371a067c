import { signedIn } from '../../factories/signed-in.ts';
import { appWith, testIp, wrongGuesses } from '../../utils/app-with.ts';
import { describe, expect, test } from '../../utils/test.ts';

/** Documentation addresses (RFC 5737) an attacker might claim to be, one per request. */
const forged = (i: number) => ({
  'x-forwarded-for': `198.51.100.${i + 1}`,
  'x-real-ip': `203.0.113.${i + 1}`,
});

// In-process: the lockout is per client IP, and every black-box request comes from 127.0.0.1 (see
// login-brute-force.test.ts); each app here has an address of its own.
describe('login rate-limit evasion', { tags: ['security', 'auth', 'rate-limit', 'redis'] }, () => {
  test('without TRUST_PROXY_HOPS a forged x-forwarded-for neither spreads the failures nor lifts the lock', async ({
    api,
    admin,
    deps,
    realRedis,
  }) => {
    expect(realRedis.status).toBe('ready');
    expect(deps.config.trustProxyHops).toBe(0);
    const victim = await signedIn(api, admin, { role: 'artist' });
    const attacker = await appWith(deps, { remoteAddress: testIp() });
    try {
      expect(await wrongGuesses(attacker.api, victim.email, 5, forged)).toEqual([401, 401, 401, 401, 401]);
      const right = { email: victim.email, password: victim.password };
      expect((await attacker.api.post('/v1/auth/login', right, forged(99))).status).toBe(429);
      expect((await attacker.api.post('/v1/auth/login', right, { forwarded: 'for=192.0.2.60' })).status).toBe(
        429,
      );
    } finally {
      await attacker.close();
    }
  });

  test('case and encoding variants of a locked account’s e-mail never sign in', async ({
    api,
    admin,
    deps,
    realRedis,
  }) => {
    expect(realRedis.status).toBe('ready');
    const victim = await signedIn(api, admin, { role: 'artist' });
    const attacker = await appWith(deps, { remoteAddress: testIp() });
    try {
      await wrongGuesses(attacker.api, victim.email, 5);
      const [local, domain] = victim.email.split('@') as [string, string];
      const variants = [
        victim.email.toUpperCase(),
        `${local}@${domain.toUpperCase()}`,
        `${local.charAt(0).toUpperCase()}${local.slice(1)}@${domain}`,
        ` ${victim.email} `,
        `${victim.email}\u200b`,
        `${local}%40${domain}`,
        `${local}\uff20${domain}`,
        victim.email.replace(/a/g, '\u0430'), // Cyrillic а for Latin a
      ];
      const signedInWith: string[] = [];
      for (const email of variants) {
        const response = await attacker.api.post('/v1/auth/login', { email, password: victim.password });
        // 429 (the same key), 400 (not an e-mail) or 401 (another, unknown account) are all fine; a 200 is a way around the lock.
        if (response.status === 200) signedInWith.push(JSON.stringify(email));
        expect([400, 401, 429], `${JSON.stringify(email)} → ${response.status}`).toContain(response.status);
      }
      expect(signedInWith).toEqual([]);
      expect(
        (await attacker.api.post('/v1/auth/login', { email: victim.email, password: victim.password }))
          .status,
      ).toBe(429);
    } finally {
      await attacker.close();
    }
  });

  test('with TRUST_PROXY_HOPS=1 the forwarded client is the key, so the checks above can tell', async ({
    api,
    admin,
    deps,
    realRedis,
  }) => {
    expect(realRedis.status).toBe('ready');
    const victim = await signedIn(api, admin, { role: 'artist' });
    const proxy = await appWith(deps, { config: { trustProxyHops: 1 }, remoteAddress: testIp() });
    try {
      const client = { 'x-forwarded-for': testIp() };
      await wrongGuesses(proxy.api, victim.email, 5, () => client);
      const right = { email: victim.email, password: victim.password };
      expect((await proxy.api.post('/v1/auth/login', right, client)).status).toBe(429);
      // Another client behind the same trusted proxy has a bucket of its own.
      expect((await proxy.api.post('/v1/auth/login', right, { 'x-forwarded-for': testIp() })).status).toBe(
        200,
      );
    } finally {
      await proxy.close();
    }
  });
});
