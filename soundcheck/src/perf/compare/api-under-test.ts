import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { databaseUrl, dropDatabase } from '../../fixtures/databases.ts';
import { freePort } from '../../services/free-port.ts';
import { GateSetupError } from './gate-error.ts';

/** One API of a comparison, started from its own tree on its own fresh database. */
export interface ApiUnderTest {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The account every API of a comparison bootstraps; scenarios sign in with it (black-box style). */
export const perfAdmin = { email: 'perf-admin@soundcheck.test', password: 'perf-admin-password-0000' };

async function createEmptyDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return databaseUrl(adminUrl, name);
}

async function waitUntilHealthy(
  url: string,
  child: ChildProcess,
  stderr: () => string,
  label: string,
): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const reason = stderr().trim().split('\n').at(-1) ?? `exit ${child.exitCode}`;
      throw new GateSetupError(`the API of ${label} does not start: ${reason}`);
    }
    const healthy = await fetch(new URL('/health', url))
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new GateSetupError(`the API of ${label} did not answer /health within 180 s`);
}

/**
 * Starts `api/src/server.ts` of `treeDir`: a fresh database (an empty PostgreSQL database on
 * DATABASE_URL's server, which the API migrates, or a fresh embedded PGlite), its own Redis prefix, rate
 * limits out of the way (the load is the point), and the perf admin bootstrapped.
 */
export async function startApiUnderTest(
  treeDir: string,
  label: string,
  {
    env = process.env,
    workers = true,
    database: given,
    settings = {},
  }: {
    env?: NodeJS.ProcessEnv;
    workers?: boolean;
    /** A ready database to use instead of a new empty one. */
    database?: string;
    /** More of the API's configuration (e.g. `DATABASE_POOL_SIZE`), over the defaults above. */
    settings?: Record<string, string>;
  } = {},
): Promise<ApiUnderTest> {
  const token = `${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'soundcheck-perf-'));
  const databaseName = `sc_perf_${token}`;
  const adminUrl = given ? undefined : env.DATABASE_URL;
  const database = given ?? (adminUrl ? await createEmptyDatabase(adminUrl, databaseName) : null);
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(treeDir, 'api/src/server.ts')], {
    cwd: treeDir,
    env: {
      PATH: env.PATH ?? '',
      HOME: env.HOME ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
      BOOTSTRAP_ADMIN_EMAIL: perfAdmin.email,
      BOOTSTRAP_ADMIN_PASSWORD: perfAdmin.password,
      OUTBOUND_ALLOWLIST: 'localhost,127.0.0.1',
      WORKERS: workers ? 'on' : 'off',
      ...(database ? { DATABASE_URL: database } : {}),
      ...(env.REDIS_URL ? { REDIS_URL: env.REDIS_URL, REDIS_PREFIX: `perf:${token}:` } : {}),
      ...settings,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const cleanup = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (adminUrl) await dropDatabase(adminUrl, databaseName).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(url, child, () => stderr, label);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { url, pid: child.pid ?? 0, stop: cleanup };
}
