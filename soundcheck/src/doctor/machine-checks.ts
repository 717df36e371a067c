import { spawnSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Finding } from './finding.ts';

export function nodeFinding(version = process.versions.node): Finding {
  const major = Number(version.split('.')[0]);
  if (major >= 24) return { level: 'ok', name: 'node', detail: `Node ${version}` };
  return {
    level: 'fail',
    name: 'node',
    detail: `Node ${version}; Soundcheck runs its TypeScript directly, which needs Node 24`,
    fix: 'npm install, then run through npx or npm run (the project brings Node 24)',
  };
}

/** A Debian tool some tests need: its version, or how to install it (those tests skip without it). */
export function toolFinding(name: string, binary: string, debianPackage: string): Finding {
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (!probe.error && probe.status === 0) {
    const version = `${probe.stdout}${probe.stderr}`.match(/\d+\.\d+(\.\d+)?/)?.[0] ?? 'installed';
    return { level: 'ok', name, detail: `${binary} ${version}` };
  }
  return {
    level: process.env.SOUNDCHECK_STRICT === '1' ? 'fail' : 'warn',
    name,
    detail: `${binary} not found; the tests that need it skip`,
    fix: `apt-get install -y ${debianPackage}`,
  };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The ports a user starts things on: `npm start` (PORT, 3000) and `soundcheck serve` (9464). */
export async function portsFinding(
  ports: Record<string, number> = { 'npm start': Number(process.env.PORT) || 3000, 'soundcheck serve': 9464 },
): Promise<Finding> {
  const entries = Object.entries(ports);
  const free = await Promise.all(entries.map(([, port]) => portFree(port)));
  const busy = entries.filter((_, i) => !free[i]);
  if (!busy.length)
    return {
      level: 'ok',
      name: 'ports',
      detail: `${entries.map(([use, port]) => `${port} (${use})`).join(', ')} free`,
    };
  return {
    level: 'warn',
    name: 'ports',
    detail: `in use: ${busy.map(([use, port]) => `${port} (${use})`).join(', ')}`,
    fix: 'PORT=3001 npm start; soundcheck serve --port 9465 (or stop what listens there)',
  };
}

/** Free space where runs write their reports and history. */
export function diskFinding(dir = process.cwd(), minimumBytes = 2 * 1024 ** 3): Finding {
  const stats = statfsSync(dir);
  const free = stats.bavail * stats.bsize;
  const gib = (free / 1024 ** 3).toFixed(1);
  if (free >= minimumBytes) return { level: 'ok', name: 'disk', detail: `${gib} GiB free in ${dir}` };
  return {
    level: 'warn',
    name: 'disk',
    detail: `${gib} GiB free in ${dir}; a run with coverage writes a few hundred MB`,
    fix: 'rm -rf reports/2*  (old run folders; the history keeps their results)',
  };
}
