import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectPostgres } from '@soundcheck/api/db/database.ts';
import { SmtpMock } from 'soundcheck/mocks/smtp-mock.ts';
import { MusicBrainzMock } from '../mocks/musicbrainz.ts';
import { type ApiProcess, startApiProcess } from '../utils/api-process.ts';
import { PROCESS_START_LIMIT_MS } from '../utils/child.ts';

/** The admin a black-box target bootstraps; the suite signs in with it (BOOTSTRAP_ADMIN_*). */
export const targetAdmin = { email: 'blackbox-admin@soundcheck.test', password: 'blackbox-admin-password' };

/**
 * What a black-box target needs beyond `npm start`: the third parties pointed at mocks on this machine,
 * `localhost` let through the private-address rule (partner mocks listen there), delivery retries and the
 * sweep in hundreds of milliseconds so journeys finish in seconds, and a request budget a whole suite
 * signed in as one admin stays under. The ACK timeout (documented in /openapi.json) is a minute: the
 * ack-timeout journey waits it out, and every other journey acknowledges sooner — right after its delivery
 * is uploaded, within one of the suite's bounded waits (45 s) even on a busy machine.
 */
function targetEnvironment(mocks: { musicbrainzBaseUrl: string; smtpUrl: string }) {
  return {
    MUSICBRAINZ_BASE_URL: mocks.musicbrainzBaseUrl,
    SMTP_URL: mocks.smtpUrl,
    OUTBOUND_ALLOWLIST: 'localhost',
    DELIVERY_BACKOFF_BASE_MS: '40',
    DELIVERY_BACKOFF_CAP_MS: '200',
    DELIVERY_MAX_ATTEMPTS: '4',
    DELIVERY_SWEEP_INTERVAL_MS: '300',
    DELIVERY_ACK_TIMEOUT_MS: '60000',
    DELIVERY_TRANSPORT_TIMEOUT_MS: '4000',
    RATE_LIMIT_PER_MINUTE: '100000',
    BOOTSTRAP_ADMIN_EMAIL: targetAdmin.email,
    BOOTSTRAP_ADMIN_PASSWORD: targetAdmin.password,
    WORKERS: 'on',
  };
}

export interface BlackBoxTarget {
  url: string;
  stop(): Promise<void>;
}

async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const db = await connectPostgres(adminUrl, { poolSize: 1 });
  try {
    await db.query(`drop database if exists ${name} with (force)`);
    await db.query(`create database ${name}`);
  } finally {
    await db.close();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function waitReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await fetch(`${url}/ready`).catch(() => null);
    if (ready?.status === 200) return;
    await sleep(250);
  }
  throw new Error(`${url}/ready did not answer 200 within ${timeoutMs} ms`);
}

/**
 * `npm start` of an API (this repository's, or a patched copy's `server.ts`) on a fresh PostgreSQL database
 * and its own Redis prefix, with MusicBrainz and SMTP mocks of its own: a target for `--target`.
 */
export async function startBlackBoxTarget(options: {
  name: string;
  postgresUrl: string;
  redisUrl: string;
  serverScript?: string;
}): Promise<BlackBoxTarget> {
  const name = options.name.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const musicbrainz = new MusicBrainzMock();
  const smtp = new SmtpMock();
  await Promise.all([musicbrainz.start(), smtp.start()]);
  const dataDir = mkdtempSync(path.join(tmpdir(), `soundcheck-target-${name}-`));
  const { PATH = '', HOME = '' } = process.env;
  let api: ApiProcess | null = null;
  const stop = async () => {
    await api?.stop();
    await Promise.all([musicbrainz.stop(), smtp.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const env = {
      PATH,
      HOME,
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: await freshDatabase(options.postgresUrl, `sc_target_${name}`),
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: `target:${name}:`,
      LOG_LEVEL: 'info',
      ...targetEnvironment({ musicbrainzBaseUrl: musicbrainz.baseUrl, smtpUrl: smtp.url }),
    };
    api = await startApiProcess(env, PROCESS_START_LIMIT_MS, options.serverScript);
    await waitReady(api.url);
    return { url: api.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
