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
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
