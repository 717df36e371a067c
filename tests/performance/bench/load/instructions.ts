// Instructions per request under callgrind (Debian `valgrind`): a count that does not move with the
// machine's load, unlike a rate or even CPU time on two shared cores. Each generator runs a fixed number
// of requests twice, `small` and `large`, 50 connections; the difference of the two totals over the
// difference of the counts is the cost of one request once the process is started and warmed (start-up,
// module loading and most JIT compiling cancel out). User-space instructions only: the kernel's share
// of a socket write or read is not in it (both generators make one of each per request).
// `node instructions.ts [small] [large] [soundcheck|autocannon]` runs it alone against an `ok` target
// (both generators unless one is named).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const CONNECTIONS = 50;

/** Whether callgrind can be run here. */
export async function haveCallgrind(): Promise<boolean> {
  try {
    await run('valgrind', ['--version']);
    return true;
  } catch {
    return false;
  }
}

type Tool = 'soundcheck' | 'autocannon';

/** Total instructions (all threads) of one generator process sending `requests` requests. */
async function countOnce(tool: Tool, url: string, requests: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-load-callgrind-'));
  const args =
    tool === 'soundcheck'
      ? [
          '--max-semi-space-size=4',
          here('./engine-runner.ts'),
          url,
          JSON.stringify({
            type: 'per-vu-iterations',
            vus: CONNECTIONS,
            iterations: Math.ceil(requests / CONNECTIONS),
            maxDuration: '30m',
          }),
          // Under callgrind everything is ~50× slower: a request must not time out.
          JSON.stringify({ connections: CONNECTIONS, timeout: '30m' }),
        ]
      : [here('./autocannon-runner.ts'), `${url}/`, String(CONNECTIONS), '1', '0', String(requests)];
  try {
    const { stdout, stderr } = await run(
      'valgrind',
      ['--tool=callgrind', `--callgrind-out-file=${join(dir, 'out')}`, process.execPath, ...args],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const total = /Collected : (\d+)/.exec(stderr)?.[1];
    if (!total) throw new Error(`callgrind gave no count for ${tool}: ${stderr.slice(-400)}`);
    const { answered, failed } = outcome(tool, stdout);
    if (answered < requests || failed > 0)
      throw new Error(
        `${tool} under callgrind: ${answered} of ${requests} requests answered, ${failed} failed`,
      );
    return Number(total);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Requests answered and failed, from the runner's JSON: a count is only judged when all succeeded. */
function outcome(tool: Tool, stdout: string): { answered: number; failed: number } {
  const result = JSON.parse(stdout);
  if (tool === 'autocannon') return { answered: result.requests, failed: result.errors };
  const { requests, failed } = result.summary.overall as { requests: number; failed: number };
  return { answered: requests, failed };
}

/** Instructions per request of each of `tools` against `url` (all runs side by side). */
export async function instructionsPerRequest(
  url: string,
  small = 10_000,
  large = 30_000,
  tools: Tool[] = ['soundcheck', 'autocannon'],
): Promise<Partial<Record<Tool, number>>> {
  const perRequest = async (tool: Tool) => {
    const [few, many] = await Promise.all([countOnce(tool, url, small), countOnce(tool, url, large)]);
    return [tool, (many - few) / (large - small)] as const;
  };
  return Object.fromEntries(await Promise.all(tools.map(perRequest)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { startTarget } = await import('./tools.ts');
  const [small = '10000', large = '30000', only] = process.argv.slice(2);
  const tools: Tool[] = only ? [only as Tool] : ['soundcheck', 'autocannon'];
  const target = await startTarget('ok');
  try {
    const counts = await instructionsPerRequest(target.url, Number(small), Number(large), tools);
    const figures = Object.entries(counts).map(([tool, count]) => `${tool} ${Math.round(count)}`);
    const { soundcheck, autocannon } = counts;
    const ratio = soundcheck && autocannon ? ` (${(soundcheck / autocannon).toFixed(2)}×)` : '';
    console.log(`instructions/request: ${figures.join(' | ')}${ratio}`);
  } finally {
    target.stop();
  }
}
