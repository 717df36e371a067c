import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { cores } from './processes.ts';

const script = path.join(import.meta.dirname, 'route.lua');

export interface Load {
  url: string;
  method?: 'GET' | 'POST';
  token?: string;
  /** A JSON body; `{{UPC}}` in it becomes a fresh valid EAN-13 on every request. */
  body?: string;
  /** Two digits that start every generated UPC, different for each run of the bench. */
  upcPrefix?: string;
  expect: number;
  connections: number;
  seconds: number;
  /** A pause before each request of a connection: bounds the rate to about connections × 1000 / delayMs. */
  delayMs?: number;
}

export interface Measured {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connect, read, write errors and timeouts. */
  socketErrors: number;
  /** Answers whose status was not the expected one, and the last such status. */
  unexpected: number;
  unexpectedStatus: number;
  /** CPU time per answered request of the server process and of the PostgreSQL backends, in µs. */
  serverCpuUs: number;
  databaseCpuUs: number;
}

/** Runs wrk (one thread, on the load core when there is one) and reads the JSON line of `route.lua`. */
export function runWrk(load: Load): Omit<Measured, 'serverCpuUs' | 'databaseCpuUs'> {
  const args = [
    '-t1',
    `-c${load.connections}`,
    `-d${load.seconds}s`,
    '--timeout',
    '5s',
    '-s',
    script,
    load.url,
  ];
  const command = cores ? 'taskset' : 'wrk';
  const result = spawnSync(command, cores ? ['-c', cores.load, 'wrk', ...args] : args, {
    encoding: 'utf8',
    env: {
      ...process.env,
      BENCH_METHOD: load.method ?? 'GET',
      BENCH_EXPECT: String(load.expect),
      BENCH_DELAY_MS: String(load.delayMs ?? 0),
      ...(load.token ? { BENCH_TOKEN: load.token } : {}),
      ...(load.body ? { BENCH_BODY: load.body, BENCH_UPC_PREFIX: load.upcPrefix ?? '90' } : {}),
    },
  });
  if (result.error) throw new Error(`cannot run wrk (apt-get install wrk): ${result.error.message}`);
  const line = result.stdout.split('\n').find((text) => text.startsWith('{"requests"'));
  if (result.status !== 0 || !line) throw new Error(`wrk failed: ${result.stderr || result.stdout}`);
  const raw = JSON.parse(line) as Record<string, number>;
  const ms = (us: number | undefined) => (us ?? Number.NaN) / 1000;
  const requests = raw.requests ?? 0;
  return {
    requests,
    rps: requests / ((raw.durationUs ?? 1) / 1e6),
    p50Ms: ms(raw.p50Us),
    p99Ms: ms(raw.p99Us),
    maxMs: ms(raw.maxUs),
    socketErrors: raw.socketErrors ?? 0,
    unexpected: raw.unexpected ?? 0,
    unexpectedStatus: raw.unexpectedStatus ?? 0,
  };
}
