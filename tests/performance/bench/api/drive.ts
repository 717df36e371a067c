import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ExecutorConfig } from 'soundcheck/load/index.ts';
import { cores } from './processes.ts';

const run = promisify(execFile);
const runner = path.join(import.meta.dirname, 'engine-runner.ts');

/** One route as the load engine drives it: where, as whom, with what body, and the status every answer must have. */
export interface Load {
  /** The server's origin, e.g. `http://127.0.0.1:41234`. */
  target: string;
  path: string;
  token?: string;
  /** A JSON body, POSTed with a fresh valid `upc` on every request (POST /v1/releases). */
  body?: Record<string, unknown>;
  /** Two digits that start every generated UPC, different for each run of the bench. */
  upcPrefix?: string;
  expect: number;
}

/** What `engine-runner.ts` gets: the load, the executor, and how many sockets it may open. */
export interface Drive extends Load {
  executor: ExecutorConfig;
  connections: number;
}

/** One run's figures, as `engine-runner.ts` prints them. */
export interface Driven {
  requests: number;
  rps: number;
  /** Corrected latency (from each request's intended start): the open model counts coordinated omission. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** From the actual send: what a closed-loop tool such as wrk reports. */
  serviceP99Ms: number;
  /** Requests that got no HTTP answer (timeout, reset, refused, protocol, other). */
  socketErrors: number;
  /** Answers whose status was not the expected one, and the last such status. */
  unexpected: number;
  unexpectedStatus: number;
  /** Intended starts that found every VU busy (open model only). */
  dropped: number;
  /** CPU the load generator spent per request (µs), and its share of one core over the run. */
  loadCpuUs: number;
  loadCpuShare: number;
}

/** A run's figures with the CPU time per request of the server that answered and of PostgreSQL. */
export interface Measured extends Driven {
  serverCpuUs: number;
  databaseCpuUs: number;
}

/** Runs the load engine on `load` in its own process, pinned to the load core when there is one. */
export async function driveLoad(load: Load, executor: ExecutorConfig, connections: number): Promise<Driven> {
  const drive: Drive = { ...load, executor, connections };
  const command = [process.execPath, runner, JSON.stringify(drive)];
  const [file, ...args] = cores ? ['taskset', '-c', cores.load, ...command] : command;
  try {
    const { stdout } = await run(file as string, args, { maxBuffer: 16 * 1024 * 1024 });
    const line = stdout.split('\n').find((text) => text.startsWith('{"requests"'));
    if (!line) throw new Error(`no result line in: ${stdout}`);
    return JSON.parse(line) as Driven;
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`the load engine failed on ${load.path}: ${stderr || (error as Error).message}`);
  }
}
