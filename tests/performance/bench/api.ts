// `npm run bench:api`: the API's hot path beside a bare Fastify + pg server reading the same release row.
// Both run as their own processes, pinned to one core with taskset (wrk on the other), the API on PostgreSQL
// and Redis with WORKERS=off and LOG_LEVEL=warn, over a seeded catalogue of 1,000 albums of 10 tracks.
// Runs are interleaved — reference, then every route, three rounds — and each route's medians are printed
// with their ratio to the reference's. Then GET /v1/releases/{id} at 60% of its capacity (p99), and the API's
// RSS after 10k and 100k requests. Exit 1 when any measured answer had an unexpected status.
// BENCH_API_SECONDS (3), BENCH_API_ROUNDS (3), BENCH_API_CONNECTIONS (32), BENCH_API_RELEASES (1000),
// BENCH_API_MEMORY_REQUESTS (100000; 0 skips), BENCH_API_SERVER (another checkout's api/src/server.ts),
// BENCH_API_NODE_OPTIONS (for the API process only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createApiClient, fetchTransport } from 'soundcheck/client/http-client.ts';
import { cloneDatabase, dropDatabase } from 'soundcheck/fixtures/databases.ts';
import { checkService, defaultUrls } from 'soundcheck/services/health.ts';
import { signIn } from '../../factories/signed-in.ts';
import { cores, rssMiB, type ServerProcess, startServer } from './api/processes.ts';
import { type Goal, goalLines, medianRps, type RouteFigures, summarise, table } from './api/report.ts';
import { apiRoutes, type Route, referenceRoute } from './api/routes.ts';
import { deleteCreatedReleases, seedCatalog } from './api/seed-catalog.ts';
import { type Measured, runWrk } from './api/wrk.ts';

const SECONDS = Number(process.env.BENCH_API_SECONDS) || 3;
const ROUNDS = Number(process.env.BENCH_API_ROUNDS) || 3;
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS) || 32;
const RELEASES = Number(process.env.BENCH_API_RELEASES) || 1000;
const MEMORY_REQUESTS = Number(process.env.BENCH_API_MEMORY_REQUESTS ?? 100_000);
const apiServer = path.resolve(
  process.env.BENCH_API_SERVER || path.join(import.meta.dirname, '../../../api/src/server.ts'),
);
const referenceServer = path.join(import.meta.dirname, 'api/reference-server.ts');
const admin = { email: 'bench-admin@soundcheck.test', password: 'bench-admin-password' };
const READ = 'GET /v1/releases/{id}';

let runs = 0;
/** Two digits that start the UPCs of one POST run: each run's fresh, whatever was left behind. */
const upcPrefix = () => String(10 + (runs % 90));

function measure(route: Route, seconds: number): Measured {
  runs++;
  const result = runWrk(route.load(seconds, CONNECTIONS));
  const bad = result.unexpected ? `, ${result.unexpected} unexpected (last ${result.unexpectedStatus})` : '';
  console.log(
    `  ${route.name.padEnd(36)} ${result.rps.toFixed(0).padStart(6)} req/s  p99 ${result.p99Ms.toFixed(2)} ms${bad}`,
  );
  return result;
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

/** GET /v1/releases/{id} with a pause per connection, for a rate near `rps`; p99 at that load. */
function atRate(route: Route, rps: number): Measured & { target: number } {
  // A ~20 ms pause per connection keeps wrk's millisecond rounding small against the cycle.
  const connections = Math.max(1, Math.round((rps * 20) / 1000));
  const delayMs = Math.max(1, Math.round((connections * 1000) / rps));
  runs++;
  return { ...runWrk({ ...route.load(SECONDS * 2, connections), delayMs }), target: rps };
}

/** Drives `route` until `total` requests have been answered since the start; returns the count reached. */
function driveTo(route: Route, done: number, total: number): number {
  let count = done;
  while (count < total) {
    const run = runWrk(route.load(2, CONNECTIONS));
    if (run.unexpected || run.socketErrors)
      throw new Error(`memory phase: ${run.unexpected} unexpected answers`);
    count += run.requests;
  }
  return count;
}

async function main(): Promise<number> {
  const postgres = await checkService('postgres', defaultUrls.postgres);
  if (!postgres.ok) {
    console.error(`bench:api needs PostgreSQL: ${postgres.reason}`);
    return 1;
  }
  const redisUp = (await checkService('redis', defaultUrls.redis)).ok;
  const token = randomBytes(3).toString('hex');
  const name = `sc_bench_api_${token}`;
  const redisPrefix = `bench-api:${token}:`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-api-'));
  const url = await cloneDatabase(defaultUrls.postgres, 'template0', name);
  const servers: ServerProcess[] = [];
  try {
    console.log(
      `▸ API ${path.relative(process.cwd(), apiServer)} on PostgreSQL${redisUp ? ' and Redis' : ' (no Redis: the embedded stand-in)'}, WORKERS=off, LOG_LEVEL=warn; ${cores ? `servers on core ${cores.server}, wrk on core ${cores.load}` : 'not pinned (fewer than 2 cores or no taskset)'}`,
    );
    const api = await startServer(
      apiServer,
      {
        PATH: process.env.PATH ?? '',
        ...(process.env.BENCH_API_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS } : {}),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        WORKERS: 'off',
        JWT_SECRET: randomBytes(32).toString('hex'),
        SECRETS_KEY: randomBytes(32).toString('hex'),
        ACCESS_TOKEN_TTL_SECONDS: '7200',
        DATABASE_URL: url,
        ...(redisUp ? { REDIS_URL: defaultUrls.redis, REDIS_PREFIX: redisPrefix } : {}),
        DATA_DIR: dataDir,
        RATE_LIMIT_PER_MINUTE: '1000000',
        BOOTSTRAP_ADMIN_EMAIL: admin.email,
        BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      },
      '/health',
    );
    servers.push(api);
    console.log(`▸ seeding ${RELEASES} albums × 10 tracks with artwork over 5 labels`);
    const client = createApiClient(fetchTransport(api.url));
    const catalog = await seedCatalog(
      client,
      await signIn(client, admin.email, admin.password),
      url,
      RELEASES,
    );
    const reference = await startServer(
      referenceServer,
      { PATH: process.env.PATH ?? '', DATABASE_URL: url },
      `/releases/${catalog.releaseId}`,
    );
    servers.push(reference);

    const deleteCreated = async () => {
      await deleteCreatedReleases(url);
    };
    const routes = apiRoutes(api.url, catalog, deleteCreated, upcPrefix);
    const ref = referenceRoute(reference.url, catalog.releaseId);
    const all = [ref, ...routes];
    console.log('▸ warm-up, 1 s a route (not measured)');
    for (const route of all) {
      const warm = runWrk(route.load(1, CONNECTIONS));
      runs++;
      await route.after?.();
      if (warm.unexpected)
        console.log(`  ${route.name}: ${warm.unexpected} unexpected (last ${warm.unexpectedStatus})`);
    }
    const results = new Map<string, Measured[]>(all.map((route) => [route.name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`▸ round ${round}/${ROUNDS}: ${SECONDS} s a route, ${CONNECTIONS} connections`);
      for (const route of all) {
        results.get(route.name)?.push(measure(route, SECONDS));
        await route.after?.();
      }
    }
    const referenceRps = medianRps(results.get(ref.name) ?? []);
    const figures: RouteFigures[] = all.map((route) =>
      summarise(route.name, results.get(route.name) ?? [], referenceRps),
    );
    const read = figures.find((row) => row.name === READ) as RouteFigures;
    const me = figures.find((row) => row.name === 'GET /v1/me') as RouteFigures;
    const readRoute = routes.find((route) => route.name === READ) as Route;

    console.log(`▸ ${READ} at 60% of its capacity (${(read.rps * 0.6).toFixed(0)} req/s)`);
    const bounded = atRate(readRoute, read.rps * 0.6);
    console.log(
      `  achieved ${bounded.rps.toFixed(0)} req/s, p50 ${bounded.p50Ms.toFixed(2)} ms, p99 ${bounded.p99Ms.toFixed(2)} ms`,
    );

    const goals: Goal[] = [
      { what: `${READ} ≥ 0.5× reference`, seen: `${read.ratio.toFixed(2)}×`, met: read.ratio >= 0.5 },
      { what: 'GET /v1/me ≥ 0.6× reference', seen: `${me.ratio.toFixed(2)}×`, met: me.ratio >= 0.6 },
      {
        what: `${READ} p99 < 10 ms at 60% of capacity`,
        seen: `${bounded.p99Ms.toFixed(2)} ms at ${bounded.rps.toFixed(0)} req/s`,
        met: bounded.p99Ms < 10,
      },
    ];
    if (MEMORY_REQUESTS > 0) {
      console.log(`▸ ${READ}: API RSS after 10,000 and ${MEMORY_REQUESTS.toLocaleString('en-US')} requests`);
      const tenK = driveTo(readRoute, 0, 10_000);
      const rssTenK = rssMiB(api.pid);
      const all100k = driveTo(readRoute, tenK, MEMORY_REQUESTS);
      const rssEnd = rssMiB(api.pid);
      const growth = (rssEnd - rssTenK) / rssTenK;
      goals.push({
        what: `RSS after ${MEMORY_REQUESTS.toLocaleString('en-US')} requests within 10% of after 10,000`,
        seen: `${rssTenK.toFixed(0)} MiB after ${tenK}, ${rssEnd.toFixed(0)} MiB after ${all100k} (${(growth * 100).toFixed(1)}%)`,
        met: growth <= 0.1,
      });
    }
    console.log(
      `\nAPI hot path, medians of ${ROUNDS} interleaved rounds (the reference measured in the same run; shared machine: read the ratios)\n`,
    );
    console.log(table(figures));
    console.log(`\nGoals (issue #17)\n${goalLines(goals)}`);
    const failures = figures.filter((row) => row.unexpected > 0 || row.socketErrors > 0);
    for (const row of failures)
      console.error(
        `✗ ${row.name}: ${row.unexpected} answers with an unexpected status, ${row.socketErrors} socket errors`,
      );
    return failures.length || bounded.unexpected ? 1 : 0;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await dropDatabase(defaultUrls.postgres, name);
    if (redisUp) await removeKeys(defaultUrls.redis, redisPrefix);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
