import { randomBytes } from 'node:crypto';
import { createApiClient, fetchTransport } from 'soundcheck/client/http-client.ts';
import { cloneDatabase } from 'soundcheck/fixtures/databases.ts';
import { randomIsrc } from '../../factories/identifiers.ts';
import { signIn } from '../../factories/signed-in.ts';
import { type ApiProcess, bareEnv, startApiProcess } from '../../utils/api-process.ts';
import { processTestTimeout } from '../../utils/child.ts';
import { describe, expect, test } from '../../utils/test.ts';

/** The claim times of the MusicBrainz requests an API process logged (`musicbrainz-client.ts`). */
const claimTimes = (log: string) =>
  log
    .split('\n')
    .filter((line) => line.includes('"MusicBrainz request"'))
    .map((line) => (JSON.parse(line) as { claimedAt: number }).claimedAt);

const gapsBetween = (times: number[]) => times.slice(1).map((at, i) => at - (times[i] ?? 0));

const admin = { email: 'throttle-admin@soundcheck.test', password: 'throttle-admin-password' };

describe('MusicBrainz throttle shared through Redis', {
  tags: ['integration', 'lookup', 'redis', 'slow', 'external_deps'],
  timeout: processTestTimeout(2),
}, () => {
  test('two API processes on one Redis send MusicBrainz at most one request a second, and share the cache', async ({
    services,
    realRedis,
    mocks,
  }) => {
    if (!services.postgres || !services.template)
      throw new Error('this test needs PostgreSQL (the API processes share one database)');
    const database = await cloneDatabase(
      services.postgres,
      services.template,
      `${services.clonePrefix}mb_${randomBytes(3).toString('hex')}`,
    );
    const env = bareEnv({
      DATABASE_URL: database,
      REDIS_URL: services.redis ?? '',
      // Both processes share this namespace, inside the test's own.
      REDIS_PREFIX: `${realRedis.options.keyPrefix}api:`,
      MUSICBRAINZ_BASE_URL: mocks.musicbrainz.baseUrl,
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      WORKERS: 'off',
    });
    const processes: ApiProcess[] = [];
    try {
      processes.push(await startApiProcess(env));
      processes.push(await startApiProcess(env));
      const clients = processes.map((process) => createApiClient(fetchTransport(process.url)));
      const user = await signIn(clients[0]!, admin.email, admin.password);
      const codes = Array.from({ length: 6 }, () => randomIsrc());
      const answers = await Promise.all(
        codes.map((code, i) => clients[i % 2]!.as(user).get(`/v1/lookup/isrc/${code}`)),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);

      // Where the API decides: the throttle claims of all six requests, as both processes logged them, are
      // at least a second apart whichever process made them (MusicBrainz: one request a second).
      const claims = processes.flatMap((process) => claimTimes(process.stderr())).sort((a, b) => a - b);
      expect(claims).toHaveLength(6);
      expect(Math.min(...gapsBetween(claims))).toBeGreaterThanOrEqual(1000);
      // Every request reached MusicBrainz after a claim of its own (same clock). How long after is up to the
      // machine — on a busy one the first request took 0.5 s longer than the rest — so the gaps between
      // arrivals at the mock are not judged: they measure scheduling, not the throttle.
      const arrivals = mocks.musicbrainz
        .requestsTo('/ws/2/isrc/')
        .map((request) => request.at)
        .sort((a, b) => a - b);
      expect(arrivals).toHaveLength(6);
      expect(Math.min(...arrivals.map((at, i) => at - claims[i]!))).toBeGreaterThanOrEqual(0);

      // The second process answers from the cache the first one filled.
      const again = await clients[1]!.as(user).get(`/v1/lookup/isrc/${codes[0]}`);
      expect(again.status).toBe(200);
      expect(mocks.musicbrainz.requestsTo(`/ws/2/isrc/${codes[0]}`)).toHaveLength(1);
    } finally {
      await Promise.all(processes.map((process) => process.stop()));
    }
  });
});
