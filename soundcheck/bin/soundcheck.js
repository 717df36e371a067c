#!/usr/bin/env node
// Soundcheck runs its TypeScript directly, which needs Node 24 (type stripping). npx puts the project's
// node_modules/.bin — with the `node` devDependency — first on PATH, so this re-executes under it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(
    `soundcheck needs Node 24 or newer (this is ${process.version}); run it with npx from the project, after npm install\n`,
  );
  process.exit(1);
}
// `load` runs with V8's young generation capped at 4 MB a semi-space (LOAD_V8_FLAGS): left alone, V8 grows
// it when many objects survive a scavenge, which on a busy machine happened partway through a long run
// (8 → 16 MB), so peak RSS followed the machine's load, not the run. Scavenges of a load generator keep
// little alive, so the smaller young generation costs no measurable CPU per request (bench:load prints it).
const LOAD_V8_FLAGS = ['--max-semi-space-size=4'];
const flags = process.argv[2] === 'load' ? LOAD_V8_FLAGS : [];
const result = spawnSync(process.execPath, [...flags, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
