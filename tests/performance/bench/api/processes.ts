import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from 'soundcheck/services/free-port.ts';

/** The cores of a two-core (or larger) machine: servers on the first, the load generator on the second. */
export const cores =
  availableParallelism() >= 2 && spawnSync('taskset', ['-V']).status === 0
    ? { server: '0', load: '1' }
    : null;

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `node script` with `env` on a free port, pinned (every thread) to the server core when there is
 * one, and waits until `readyPath` answers — never a fixed sleep.
 */
export async function startServer(
  script: string,
  env: Record<string, string>,
  readyPath: string,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const pid = child.pid ?? 0;
  if (cores) spawnSync('taskset', ['-a', '-p', '-c', cores.server, String(pid)], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}${readyPath}`)).status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not answer ${readyPath} within ${timeoutMs} ms: ${stderr}`);
    }
    await sleep(100);
  }
  return {
    url,
    pid,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident set size of a process, in MiB (VmRSS). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system, every thread) each process has used so far, in ms; gone processes are left out. */
export function cpuMs(pids: number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      // The fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      used.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    } catch {
      // exited between listing and reading
    }
  }
  return used;
}

/** The CPU time spent between two snapshots by the processes alive at the second (an idle pool may close some). */
export function cpuSpentMs(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}
