// Repeats the fixture suite's two tests through early flake detection and prints what each repeat run
// decided, as JSON: what the early-flake-detection test inspects (Vitest runs in its own process).
import { fileURLToPath } from 'node:url';
import { stableTestId } from '../../src/reporter/stable-id.ts';
import { markFlakyNew, repeatTests } from '../../src/runner/early-flake-detection.ts';
import { sampleRecord } from './sample-run.ts';

const config = fileURLToPath(new URL('../fixtures/new-tests-suite/vitest.config.ts', import.meta.url));
const root = fileURLToPath(new URL('../fixtures/new-tests-suite/', import.meta.url));
const file = 'new.test.ts';
const tests = ['steady', 'fails on its third run'].map((title) =>
  sampleRecord({
    file,
    titlePath: ['new tests', title],
    project: '',
    id: stableTestId(file, ['new tests', title]),
  }),
);
const repeated = await repeatTests(tests, [], Number(process.argv[2] ?? 10), { config, root });
const problems = markFlakyNew(tests, repeated, Number(process.argv[2] ?? 10));
process.stdout.write(
  `${JSON.stringify({ repeated: repeated.map((r) => [r.titlePath.at(-1), r.status]), marked: tests.map((t) => [t.titlePath.at(-1), t.status]), problems })}\n`,
);
// Vitest sets a failing exit code when a repeat fails; what it decided is the output, not the exit code.
process.exitCode = 0;
