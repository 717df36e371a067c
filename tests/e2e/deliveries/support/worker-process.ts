import path from 'node:path';
import type { Deps } from '@soundcheck/api/deps.ts';
import { runClockEnv } from '../../../utils/api-process.ts';
import { type Child, startChild } from '../../../utils/child.ts';
import type { Services } from '../../../utils/services.ts';

const workerScript = path.resolve(import.meta.dirname, '../../../../api/src/worker.ts');

/** The URL of the test file's own database clone (the worker process must see the same rows). */
async function databaseUrlOf(deps: Deps, services: Services): Promise<string | null> {
  if (!services.postgres || deps.db.backend !== 'postgres') return null;
  const [row] = await deps.db.query<{ name: string }>('select current_database() as name');
  const url = new URL(services.postgres);
  url.pathname = `/${row?.name}`;
  return url.toString();
}

/** `databaseUrlOf`, skipping the test (saying why) where there is none: a worker process needs PostgreSQL. */
export async function workerDatabaseUrl(
  deps: Deps,
  services: Services,
  skip: (note: string) => void,
): Promise<string> {
  const url = await databaseUrlOf(deps, services);
  if (!url) skip('needs PostgreSQL: a worker process cannot share the in-memory PGlite');
  return url as string;
}

export interface WorkerSettings {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  sweepIntervalMs: number;
  /** The lease a worker holds is this plus 2 s: a killed worker's delivery is free again after it. */
  transportTimeoutMs?: number;
}

/**
 * `npm run worker` as its own process, sharing the test's database, object storage and mocks, on the
 * Redis (and key prefix) the test chooses. Resolves once the worker has started its queues.
 */
export async function startWorkerProcess(deps: Deps, settings: WorkerSettings): Promise<Child> {
  const { PATH = '', HOME = '' } = process.env;
  const { config } = deps;
  const child = startChild(workerScript, [], {
    PATH,
    HOME,
    ...runClockEnv(),
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: config.dataDir,
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    REDIS_PREFIX: settings.redisPrefix,
    STORAGE_URL: config.storageUrl,
    SMTP_URL: config.smtpUrl ?? '',
    MUSICBRAINZ_BASE_URL: config.musicbrainzBaseUrl,
    OUTBOUND_ALLOWLIST: config.outboundAllowlist.join(','),
    DELIVERY_BACKOFF_BASE_MS: String(config.deliveries.backoffBaseMs),
    DELIVERY_BACKOFF_CAP_MS: String(config.deliveries.backoffCapMs),
    DELIVERY_MAX_ATTEMPTS: String(config.deliveries.maxAttempts),
    DELIVERY_TRANSPORT_TIMEOUT_MS: String(
      settings.transportTimeoutMs ?? config.deliveries.transportTimeoutMs,
    ),
    DELIVERY_SWEEP_INTERVAL_MS: String(settings.sweepIntervalMs),
  });
  await child.printed(/"msg":"workers started"/);
  return child;
}
