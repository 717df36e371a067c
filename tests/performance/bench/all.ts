// `npm run bench`: every `bench:*` script of package.json in turn, each printing its figures beside a
// reference measured in the same run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { scripts } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
};
const benches = Object.keys(scripts).filter((name) => name.startsWith('bench:'));
const failed: string[] = [];
for (const [index, name] of benches.entries()) {
  console.log(`\n▸ [${index + 1}/${benches.length}] npm run ${name}`);
  const { status } = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' });
  if (status !== 0) failed.push(name);
}
console.log(
  failed.length ? `\n${failed.length} benchmark(s) failed: ${failed.join(', ')}` : '\nall benchmarks ran',
);
process.exitCode = failed.length ? 1 : 0;
