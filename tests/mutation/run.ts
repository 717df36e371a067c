import path from 'node:path';
import { parseArgs } from 'node:util';
import { openHistory } from '../../soundcheck/src/history/store.ts';
import { recordMutationRun } from '../../soundcheck/src/mutation/record.ts';
import { runMutationModules } from '../../soundcheck/src/mutation/run-modules.ts';
import { runInfo } from '../../soundcheck/src/runner/run-info.ts';
import { mutationModules } from './modules.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    incremental: { type: 'boolean', default: false },
    module: { type: 'string', multiple: true },
    concurrency: { type: 'string', default: '1' },
  },
});
const root = path.resolve(import.meta.dirname, '../..');
// `npm run mutation -- pagination backoff` and `--module pagination --module backoff` say the same.
const selected = [...(values.module ?? []), ...positionals];
const unknown = selected.filter((name) => !mutationModules.some((m) => m.name === name));
if (unknown.length) {
  console.error(
    `unknown module ${unknown.join(', ')}: choose from ${mutationModules.map((m) => m.name).join(', ')}`,
  );
  process.exit(2);
}
const modules = selected.length ? mutationModules.filter((m) => selected.includes(m.name)) : mutationModules;
process.env.SOUNDCHECK_SEED ||= String(Math.floor(Math.random() * 2 ** 31));
const run = runInfo({
  id: `mutation-${Date.now()}`,
  seed: Number(process.env.SOUNDCHECK_SEED) || 0,
  shard: null,
  target: null,
});
const verdicts = await runMutationModules({
  root,
  modules,
  equivalentsFile: 'tests/mutation-equivalents.md',
  setupFiles: ['tests/mutation/seed.ts'],
  reportDir: path.join(root, 'reports/mutation'),
  incremental: values.incremental,
  concurrency: Number(values.concurrency),
  goalPct: 85,
});
const failed = verdicts.some((v) => v.problems.length || v.scorePct < 85);
const history = await openHistory();
await recordMutationRun(
  history,
  { ...run, finishedAt: new Date().toISOString(), verdict: failed ? 'failed' : 'passed' },
  verdicts,
);
await history.sql.close();
console.log(
  `mutation: ${failed ? 'FAILED' : 'passed'}, recorded in the history as ${run.id} (npx soundcheck serve shows it)`,
);
process.exitCode = failed ? 1 : 0;
