// `npm run bench:api`: the API's hot path beside a bare Fastify + pg server reading the same release row.
// Both run as their own processes, pinned to one core with taskset (the load engine, in its own process, on
// the other), the API on PostgreSQL and Redis with WORKERS=off and LOG_LEVEL=warn, over a seeded catalogue
// of 1,000 albums of 10 tracks. Runs are interleaved — reference, then every route, three rounds, each with
// the engine's max-throughput executor — and each route's medians are printed with their ratio to the
// reference's. Then GET /v1/releases/{id} at 60% of its capacity (constant-arrival-rate, p99 from the
// intended start), and the API's RSS after 10k and 100k requests. The figures go into the run history as
// `perf_*` metrics labelled `bench:api <route>` (BENCH_API_HISTORY=0 skips that). Exit 1 when any measured
// answer had an unexpected status.
// BENCH_API_SECONDS (3), BENCH_API_ROUNDS (3), BENCH_API_CONNECTIONS (32), BENCH_API_RELEASES (1000),
// BENCH_API_MEMORY_REQUESTS (100000; 0 skips), BENCH_API_SERVER (another checkout's api/src/server.ts),
// BENCH_API_NODE_OPTIONS (for the API process only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`),
// BENCH_API_ROUTES (a comma-separated part of the route names to run, e.g. `/v1/me,{id}`).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApiClient, fetchTransport } from 'soundcheck/client/http-client.ts';
import { cloneDatabase, dropDatabase } from 'soundcheck/fixtures/databases.ts';
import { checkService, defaultUrls } from 'soundcheck/services/health.ts';
import { signIn } from '../../factories/signed-in.ts';
import { removeRedisPrefix } from '../../utils/redis.ts';
import { driveLoad, type Measured } from './api/drive.ts';
import { measureGoals } from './api/goals.ts';
import { apiBenchRows, recordApiBench } from './api/history.ts';
import { cores, cpuMs, cpuSpentMs, type ServerProcess, startServer } from './api/processes.ts';
import { besideAlbum, goalLines, type RouteFigures, referenceOf, summarise, table } from './api/report.ts';
import { apiRoutes, type Route, referenceRoutes } from './api/routes.ts';
import { deleteCreatedReleases, seedCatalog } from './api/seed-catalog.ts';

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

/** The 1, 5 and 15 minute load averages: how shared the machine was while the figures were taken. */
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

let runs = 0;
/** Two digits that start the UPCs of one POST run: each run's fresh, whatever was left behind. */
const upcPrefix = () => String(10 + (runs % 90));

/** The PostgreSQL backends serving the bench database (the API's and the reference's pools). */
async function backendsOf(database: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: defaultUrls.postgres });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1',
      [database],
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

/** The load engine's closed loop as fast as the server answers, one request in flight per connection. */
const flatOut = (route: Route, seconds: number) =>
  driveLoad(route.load(), { type: 'max-throughput', vus: CONNECTIONS, duration: `${seconds}s` }, CONNECTIONS);

/**
 * One max-throughput run of `route`, with the CPU time its server and the database backends spent per
 * request: on a shared machine, CPU per request moves far less than requests per second.
 */
async function measure(route: Route, seconds: number, database: string): Promise<Measured> {
  runs++;
  const backends = await backendsOf(database);
  const before = { server: cpuMs([route.pid]), database: cpuMs(backends) };
  const load = await flatOut(route, seconds);
  // Backends opened during the run count from zero.
  const after = { server: cpuMs([route.pid]), database: cpuMs(await backendsOf(database)) };
  const perRequestUs = (ms: number) => (ms * 1000) / Math.max(1, load.requests);
  const result: Measured = {
    ...load,
    serverCpuUs: perRequestUs(cpuSpentMs(before.server, after.server)),
    databaseCpuUs: perRequestUs(cpuSpentMs(before.database, after.database)),
  };
  const bad = result.unexpected ? `, ${result.unexpected} unexpected (last ${result.unexpectedStatus})` : '';
  console.log(
    `  ${route.name.padEnd(36)} ${result.rps.toFixed(0).padStart(6)} req/s  p99 ${result.p99Ms.toFixed(2)} ms  CPU ${result.serverCpuUs.toFixed(0)} µs/req + PostgreSQL ${result.databaseCpuUs.toFixed(0)}; generator ${(result.loadCpuShare * 100).toFixed(0)}% busy${bad}`,
  );
  return result;
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
      `▸ API ${path.relative(process.cwd(), apiServer)} on PostgreSQL${redisUp ? ' and Redis' : ' (no Redis: the embedded stand-in)'}, WORKERS=off, LOG_LEVEL=warn; ${cores ? `servers on core ${cores.server}, the load engine on core ${cores.load}` : 'not pinned (fewer than 2 cores or no taskset)'}; load average ${loadAverage()}`,
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
    const only = process.env.BENCH_API_ROUTES;
    const routes = apiRoutes(api, catalog, deleteCreated, upcPrefix).filter(
      (route) => !only || only.split(',').some((part) => route.name.includes(part.trim())),
    );
    const [ref, albumRef] = referenceRoutes(reference, catalog.releaseId) as [Route, Route];
    const all = [ref, albumRef, ...routes];
    console.log('▸ warm-up, 1 s a route (not measured)');
    for (const route of all) {
      const warm = await flatOut(route, 1);
      runs++;
      await route.after?.();
      if (warm.unexpected)
        console.log(`  ${route.name}: ${warm.unexpected} unexpected (last ${warm.unexpectedStatus})`);
    }
    const results = new Map<string, Measured[]>(all.map((route) => [route.name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`▸ round ${round}/${ROUNDS}: ${SECONDS} s a route, ${CONNECTIONS} connections`);
      for (const route of all) {
        results.get(route.name)?.push(await measure(route, SECONDS, name));
        await route.after?.();
      }
    }
    const referenceMedians = referenceOf(results.get(ref.name) ?? []);
    const figures: RouteFigures[] = all.map((route) =>
      summarise(route.name, results.get(route.name) ?? [], referenceMedians),
    );
    const {
      goals,
      failed,
      figures: goalFigures,
    } = await measureGoals(figures, routes, {
      seconds: SECONDS,
      connections: CONNECTIONS,
      memoryRequests: MEMORY_REQUESTS,
      apiPid: api.pid,
    });
    console.log(
      `\nAPI hot path, medians of ${ROUNDS} interleaved rounds (the reference measured in the same run; shared machine: read the ratios); load average ${loadAverage()}\n`,
    );
    console.log(table(figures));
    const album = besideAlbum(figures, albumRef.name, 'GET /v1/releases/{id}');
    if (album) console.log(`\n${album}`);
    console.log(`\nGoals (issue #17)\n${goalLines(goals)}`);
    const failures = figures.filter((row) => row.unexpected > 0 || row.socketErrors > 0);
    for (const row of failures)
      console.error(
        `✗ ${row.name}: ${row.unexpected} answers with an unexpected status, ${row.socketErrors} socket errors`,
      );
    if (failures.length || failed) {
      console.error('✗ figures not recorded in the history: a bench with wrong answers measures nothing');
      return 1;
    }
    if (process.env.BENCH_API_HISTORY !== '0') await recordApiBench(apiBenchRows(figures, goalFigures));
    return 0;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await dropDatabase(defaultUrls.postgres, name);
    if (redisUp) await removeRedisPrefix(defaultUrls.redis, redisPrefix);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
