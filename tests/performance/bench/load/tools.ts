// The processes of `bench:load`: the target pinned to one core, each load generator to the other.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { LoadSummary } from 'soundcheck/load/index.ts';

const run = promisify(execFile);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const TARGET_CORE = '0';
const LOAD_CORE = '1';

export interface Target {
  url: string;
  hits(): Promise<number>;
  /** `stall` mode: how late the held answers left the target, ms. */
  late(): Promise<{ p50: number; p99: number; max: number }>;
  stop(): void;
}

/** Starts `target-server.ts` in `mode` on the target core; resolves once it printed its port. */
export function startTarget(mode: 'ok' | 'stall' | 'slow'): Promise<Target> {
  const child: ChildProcess = spawn(
    'taskset',
    ['-c', TARGET_CORE, process.execPath, here('./target-server.ts'), mode],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout?.once('data', (chunk: Buffer) => {
      const url = `http://127.0.0.1:${chunk.toString().trim()}`;
      resolve({
        url,
        hits: async () => Number(await (await fetch(`${url}/__hits`)).text()),
        late: async () => (await fetch(`${url}/__late`)).json(),
        stop: () => child.kill(),
      });
    });
  });
}

export interface EngineRun {
  summary: LoadSummary;
  maxRssMb: number;
  /** The JS heap still used after a full collection at the end, MB: what the run keeps, without V8's slack. */
  heapAfterGcMb: number;
  /** CPU time (user + system) the run spent per request, µs: fair even when the machine is shared. */
  cpuUsPerRequest: number;
  /** The most iterations in flight at once in any second (open executors: waiting for a connection included). */
  peakActive: number;
}

/** One run of Soundcheck's engine in its own process on the load core. */
export async function engine(url: string, executor: object, transport: object = {}): Promise<EngineRun> {
  const { stdout } = await run(
    'taskset',
    [
      '-c',
      LOAD_CORE,
      process.execPath,
      '--expose-gc',
      // As `soundcheck load` runs (bin/soundcheck.js): a capped young generation keeps RSS flat.
      '--max-semi-space-size=4',
      here('./engine-runner.ts'),
      url,
      JSON.stringify(executor),
      JSON.stringify(transport),
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as EngineRun;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };

/** wrk, closed loop with `connections` sockets (one request each at a time) for `seconds`: rate, p99, CPU per request. */
export async function wrk(url: string, connections: number, seconds: number) {
  const { stdout, stderr } = await run('taskset', [
    '-c',
    LOAD_CORE,
    '/usr/bin/time',
    '-f',
    'cpu %U %S',
    'wrk',
    '-t1',
    `-c${connections}`,
    `-d${seconds}s`,
    '--latency',
    `${url}/`,
  ]);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const total = Number(/(\d+) requests in/.exec(stdout)?.[1]);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(stdout);
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(stderr);
  return {
    rps,
    p99Ms: p99 ? Number(p99[1]) * (UNIT_MS[p99[2] ?? 'ms'] ?? 1) : Number.NaN,
    cpuUsPerRequest: cpu ? ((Number(cpu[1]) + Number(cpu[2])) * 1e6) / total : Number.NaN,
  };
}

/** autocannon (npm), `connections` sockets, `pipelining` requests in flight on each: same shape. */
export async function autocannon(url: string, connections: number, seconds: number, pipelining = 1) {
  const { stdout } = await run(
    'taskset',
    [
      '-c',
      LOAD_CORE,
      process.execPath,
      here('./autocannon-runner.ts'),
      `${url}/`,
      String(connections),
      String(pipelining),
      String(seconds),
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as { rps: number; p99Ms: number; cpuUsPerRequest: number };
}

/** The true p99 of the stall schedule: arrivals at `rate`/s, each held until the 200 ms window of its 2 s cycle ends. */
export function stallTrueP99(rate: number): number {
  const latencies = Array.from({ length: 2 * rate }, (_, i) => {
    const phase = (i * 1000) / rate;
    return phase < 200 ? 200 - phase : 0;
  }).sort((a, b) => a - b);
  return latencies[Math.ceil(latencies.length * 0.99) - 1] as number;
}
