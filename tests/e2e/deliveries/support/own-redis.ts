import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from 'soundcheck/services/free-port.ts';
import { type Child, startChild } from '../../../utils/child.ts';
import { waitFor } from '../../../utils/wait-for.ts';

/**
 * Whether a `redis-server` binary can be run here (the restart tests need one of their own). Like the
 * server itself, the probe runs with PATH alone: under `test:calendar` the test's environment preloads
 * libfaketime, and redis-server hangs at start with it.
 */
function redisServerAvailable(binary = 'redis-server'): boolean {
  const probe = spawnSync(binary, ['--version'], {
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 10_000,
  });
  return probe.status === 0;
}

/** A Redis of the test's own, not started; the test is skipped, saying why, where no `redis-server` can run. */
export function ownRedisOrSkip(skip: (note: string) => void): OwnRedis {
  if (!redisServerAvailable()) skip('needs the redis-server binary to run a Redis of its own');
  return new OwnRedis();
}

/**
 * A redis-server of the test's own (never the shared one), persisting to an append-only file in a
 * temporary directory, so the test can restart it — or start it on an empty directory, losing everything.
 */
export class OwnRedis {
  readonly #binary: string;
  #dir = mkdtempSync(path.join(tmpdir(), 'own-redis-'));
  #port = 0;
  #child: Child | null = null;

  constructor(binary = 'redis-server') {
    this.#binary = binary;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.#port}`;
  }

  async start(): Promise<void> {
    if (!this.#port) this.#port = await freePort();
    const args = ['--port', String(this.#port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes'];
    this.#child = startChild(
      this.#binary,
      [...args, '--dir', this.#dir],
      { PATH: process.env.PATH ?? '' },
      { node: false },
    );
    const probe = new Redis(this.url, {
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    probe.on('error', () => {});
    try {
      await waitFor('redis-server to answer PING', async () => {
        try {
          if (probe.status !== 'ready') await probe.connect();
          return (await probe.ping()) === 'PONG' ? true : undefined;
        } catch {
          probe.disconnect();
          return undefined;
        }
      });
    } finally {
      probe.disconnect();
    }
  }

  /** SIGTERM: Redis flushes its append-only file and exits, as on an orderly restart. */
  async stop(): Promise<void> {
    await this.#child?.kill('SIGTERM');
    this.#child = null;
  }

  /** The next start begins on an empty directory: every key is gone, as on a crash without persistence. */
  forgetEverything(): void {
    rmSync(this.#dir, { recursive: true, force: true });
    this.#dir = mkdtempSync(path.join(tmpdir(), 'own-redis-'));
  }

  async remove(): Promise<void> {
    await this.#child?.kill('SIGKILL');
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
