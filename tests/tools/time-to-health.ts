// Time from `npm start` (node api/src/server.ts) to the first 200 on /health, on the embedded defaults
// (no DATABASE_URL or REDIS_URL), three ways: a bare machine (no cached template: the start runs initdb
// and caches the migrated template), a new DATA_DIR once the template is cached, and the same DATA_DIR
// again (every later start). `node tests/tools/time-to-health.ts [runs]`; the machine's load moves every
// figure, so compare them with each other, measured in the same run. It deletes the cached template.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateFile } from '@soundcheck/api/db/embedded.ts';

const server = fileURLToPath(new URL('../../api/src/server.ts', import.meta.url));

async function timeToHealth(dataDir: string, port: number): Promise<{ ms: number; firstLines: string[] }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const started = performance.now();
  const child = spawn(process.execPath, [server], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ok)
        return { ms: Math.round(performance.now() - started), firstLines: output.split('\n').slice(0, 3) };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const runs = Number(process.argv[2]) || 1;
for (let run = 1; run <= runs; run++) {
  const dirs = [1, 2].map(() => mkdtempSync(path.join(tmpdir(), 'soundcheck-start-')));
  try {
    rmSync(templateFile(), { force: true });
    const bare = await timeToHealth(dirs[0]!, 39_100 + run);
    const cached = await timeToHealth(dirs[1]!, 39_200 + run);
    const again = await timeToHealth(dirs[1]!, 39_300 + run);
    process.stdout.write(
      `run ${run}: bare machine ${bare.ms} ms, new DATA_DIR ${cached.ms} ms, same DATA_DIR again ${again.ms} ms\n`,
    );
    if (run === 1) process.stdout.write(`  first lines: ${bare.firstLines.join('\n  ')}\n`);
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
