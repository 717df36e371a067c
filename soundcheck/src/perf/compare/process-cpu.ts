import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time a process has run, in ms, summed over its threads (Linux `/proc/<pid>/task/<tid>/schedstat`,
 * nanosecond accounting). Unlike latency it does not grow while the process waits for a core, so on a
 * machine shared with other work it still shows what a change to the code costs. Null where there is no
 * /proc (macOS, a remote target).
 */
export function processCpuReader(pid: number): (() => number) | null {
  const dir = `/proc/${pid}/task`;
  try {
    readdirSync(dir);
  } catch {
    return null;
  }
  return () => {
    let ns = 0;
    for (const tid of readdirSync(dir)) {
      try {
        ns += Number(readFileSync(`${dir}/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // A thread that ended between the listing and the read.
      }
    }
    return ns / 1e6;
  };
}
