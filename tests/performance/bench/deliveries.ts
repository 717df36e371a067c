// `npm run bench:deliveries`: 100 approved releases distributed to two partners — an SFTP partner (batch
// profile: resources, message, BatchComplete last) and an S3 partner (release by release), both mocks on
// 127.0.0.1 — through the real API and job handlers (BullMQ workers on Redis when Redis is up, else the
// embedded in-process queue). Prints deliveries per second and the peak RSS of the delivery phase, beside
// the ERN build + reference rules + XSD validation time per message (the same messages, built again one after
// another once the run is over). The database is a throwaway one, dropped at the end.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from '@soundcheck/api/app.ts';
import { loadConfig } from '@soundcheck/api/config.ts';
import { buildDeliveryMessage } from '@soundcheck/api/deliveries/package-delivery.ts';
import { deliveries } from '@soundcheck/api/deliveries/tables.ts';
import { createDeps } from '@soundcheck/api/deps.ts';
import { bootstrapAdmin } from '@soundcheck/api/users/bootstrap.ts';
import { inArray, sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { createApiClient, injectTransport } from 'soundcheck/client/http-client.ts';
import { cloneDatabase, dropDatabase } from 'soundcheck/fixtures/databases.ts';
import { S3Mock } from 'soundcheck/mocks/s3-mock.ts';
import { SftpMock } from 'soundcheck/mocks/sftp-mock.ts';
import { checkService, defaultUrls } from 'soundcheck/services/health.ts';
import { expectStatus } from '../../factories/expect-status.ts';
import { createPartner, s3Transport, sftpTransport } from '../../factories/partners.ts';
import { signedIn, signIn } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';

const RELEASES = Number(process.env.BENCH_RELEASES) || 100;
/** Distribute requests in flight at once (the HTTP side); the workers have their own concurrency. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY) || 8;
const TIME_LIMIT_MS = Number(process.env.BENCH_TIME_LIMIT_MS) || 300_000;
const SOLO_SAMPLE = 20;
const admin = { email: 'bench-admin@soundcheck.test', password: 'bench-admin-password' };

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

async function removeKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

async function main(): Promise<number> {
  const postgres = await checkService('postgres', defaultUrls.postgres);
  if (!postgres.ok) {
    console.error(`bench:deliveries needs PostgreSQL: ${postgres.reason}`);
    return 1;
  }
  const redisUp = (await checkService('redis', defaultUrls.redis)).ok;
  const token = randomBytes(3).toString('hex');
  const name = `sc_bench_deliveries_${token}`;
  const redisPrefix = `bench-deliveries:${token}:`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-deliveries-'));
  const sftp = new SftpMock({ name: 'bench-sftp' });
  const s3 = new S3Mock('bench-s3');
  await Promise.all([sftp.start(), s3.start()]);
  const url = await cloneDatabase(defaultUrls.postgres, 'template0', name);
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('hex'),
    SECRETS_KEY: randomBytes(32).toString('hex'),
    DATABASE_URL: url,
    ...(redisUp ? { REDIS_URL: defaultUrls.redis, REDIS_PREFIX: redisPrefix } : {}),
    DATA_DIR: dataDir,
    OUTBOUND_ALLOWLIST: 'localhost',
    BOOTSTRAP_ADMIN_EMAIL: admin.email,
    BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const started = await createDeps(config);
  const { deps } = started;
  const app = await buildApp(deps);
  try {
    await bootstrapAdmin(deps.db, config.bootstrapAdmin, config.passwordHashCost);
    await deps.queue.startWorkers();
    const api = createApiClient(injectTransport((options) => app.inject(options)));
    const root = await signIn(api, admin.email, admin.password);
    const owner = await signedIn(api, root, { role: 'label_manager' });
    const partners = [
      await createPartner(api, root, sftpTransport(sftp), { profile: 'batch' }),
      await createPartner(api, root, s3Transport(s3, 'bench-dsp', 'incoming'), {
        profile: 'release_by_release',
      }),
    ];
    console.log(`▸ preparing ${RELEASES} approved singles with artwork and audio (${deps.queue.kind} queue)`);
    const releaseIds: string[] = [];
    await pool(
      Array.from({ length: RELEASES }, (_, i) => i),
      CONCURRENCY,
      async () => {
        const release = await WorkflowFactory.release(api, { owner, reviewer: root }, 'approved');
        releaseIds.push(release.id);
      },
    );

    console.log(`▸ distributing to ${partners.length} partners: ${RELEASES * partners.length} deliveries`);
    const baselineRss = process.memoryUsage().rss;
    let peakRss = baselineRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const startedAt = performance.now();
    await pool(releaseIds, CONCURRENCY, async (id) => {
      expectStatus(
        await api.as(owner).post(`/v1/releases/${id}/distribute`, { partnerIds: partners.map((p) => p.id) }),
        200,
        'distribute',
      );
    });
    const expected = RELEASES * partners.length;
    let settled = 0;
    while (settled < expected && performance.now() - startedAt < TIME_LIMIT_MS) {
      await sleep(25);
      const [row] = await deps.db.orm
        .select({ count: sql<number>`count(*)::int` })
        .from(deliveries)
        .where(inArray(deliveries.state, ['uploaded', 'failed']));
      settled = row?.count ?? 0;
    }
    const elapsedMs = performance.now() - startedAt;
    await deps.queue.drain();
    clearInterval(sampler);

    const rows = await deps.db.orm.select().from(deliveries);
    const failed = rows.filter((row) => row.state !== 'uploaded');
    const batches = sftp.received.filter((file) => file.path.includes('/BatchComplete_')).length;

    // The same work alone: build + reference rules + XSD of one message, one after another.
    const solo: number[] = [];
    for (const row of rows.slice(0, SOLO_SAMPLE)) {
      const t = performance.now();
      const built = await buildDeliveryMessage(deps, row, new Date());
      if (!built.ok) throw new Error(`message ${row.id} failed: ${built.reason}`);
      solo.push(performance.now() - t);
    }
    solo.sort((a, b) => a - b);
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

    console.log(
      `\nDeliveries: ${RELEASES} releases × ${partners.length} partners (SFTP batch + S3 release-by-release)`,
    );
    console.log(
      `  settled                          ${settled} of ${expected} (${failed.length} not uploaded)`,
    );
    console.log(`  SFTP batches completed           ${batches} (one BatchComplete each)`);
    console.log(`  elapsed                          ${(elapsedMs / 1000).toFixed(2)} s`);
    console.log(
      `  throughput                       ${((settled / elapsedMs) * 1000).toFixed(1)} deliveries/s`,
    );
    console.log(
      `  peak RSS during the deliveries   ${mib(peakRss)} (${mib(baselineRss)} before; API, workers and both mocks in one process)`,
    );
    console.log(`  peak RSS of the whole run        ${mib(process.resourceUsage().maxRSS * 1024)}`);
    console.log('ERN build + reference rules + XSD validation, per message');
    console.log(
      `  ${SOLO_SAMPLE} of the messages, one after another   mean ${mean(solo).toFixed(0)} ms, p50 ${quantile(solo, 0.5).toFixed(0)} ms, p95 ${quantile(solo, 0.95).toFixed(0)} ms`,
    );
    return settled === expected && failed.length === 0 && batches === RELEASES ? 0 : 1;
  } finally {
    await app.close();
    await started.close();
    await Promise.all([sftp.stop(), s3.stop()]);
    await dropDatabase(defaultUrls.postgres, name);
    if (redisUp) await removeKeys(defaultUrls.redis, redisPrefix);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
