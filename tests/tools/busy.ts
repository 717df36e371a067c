// `npm run test:busy`: `npm test` while every core is kept busy by another process, as on a laptop that is
// also compiling or a CI runner shared with other jobs. The spinners end on their own after BUSY_MINUTES
// (default 30), so a killed run leaves nothing spinning for long.
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const cores = Number(process.env.BUSY_CORES) || availableParallelism();
const limitMs = (Number(process.env.BUSY_MINUTES) || 30) * 60_000;
const spin = `const end = Date.now() + ${limitMs}; while (Date.now() < end) {}`;

const spinners: ChildProcess[] = Array.from({ length: cores }, () =>
  spawn(process.execPath, ['-e', spin], { stdio: 'ignore' }),
);
const stopSpinners = () => {
  for (const spinner of spinners) spinner.kill('SIGKILL');
};
process.once('exit', stopSpinners);
process.stdout.write(
  `test:busy — ${cores} busy loop(s) beside the suite, for at most ${limitMs / 60_000} min\n`,
);

const cli = fileURLToPath(new URL('../../soundcheck/src/cli.ts', import.meta.url));
const suite = spawn(process.execPath, [cli, 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => suite.kill(signal));
suite.once('exit', (code, signal) => {
  stopSpinners();
  process.exitCode = code ?? (signal ? 1 : 0);
});
