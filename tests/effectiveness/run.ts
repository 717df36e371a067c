/**
 * `npm run effectiveness`: does the black-box suite catch bugs? Each patch of `patches/` is applied to a copy
 * of the API, that copy is started as a black-box target (`tests/blackbox/target.ts`), and the black-box
 * suite runs against it: a patch is caught when at least one test fails. An unpatched copy runs first as
 * the control — it must pass, or no catch means anything. Writes `effectiveness.json`, `effectiveness.md`
 * and a dashboard entry (`security/effectiveness.json`) into a run folder under `reports/`.
 *
 *   npm run effectiveness                    # every patch, the whole black-box suite each time
 *   npm run effectiveness -- --quick         # each patch against its area's tagged tests only
 *   npm run effectiveness -- --only auth-disabled-account-signs-in,lookup-malformed-isrc-asked-upstream
 */
import { mkdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultUrls } from 'soundcheck/services/health.ts';
import { startBlackBoxTarget } from '../blackbox/target.ts';
import { areaTags, type BlackBoxOutcome, runBlackBox } from './blackbox-run.ts';
import { apiCopy, type BugPatch, readPatches, stalePatches } from './patched-copy.ts';
import { type PatchResult, summaryMarkdown, summarySection } from './summary.ts';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const only = values.only?.split(',').map((name) => name.trim());
const patches = readPatches().filter((patch) => !only || only.includes(patch.name));
if (only && patches.length !== only.length) {
  process.stderr.write(
    `unknown patch in --only; the patches are: ${readPatches()
      .map((p) => p.name)
      .join(', ')}\n`,
  );
  process.exit(2);
}

// A stale patch found after the control's ten minutes wastes them: every patch must apply first.
const stale = stalePatches(patches);
if (stale.length) {
  for (const { name, reason } of stale)
    process.stderr.write(`${name}.patch no longer applies to api/: ${reason}\n`);
  process.stderr.write(
    'regenerate it: redo the bug in api/, then git diff -- api/ under its Area/Bug lines\n',
  );
  process.exit(2);
}

async function against(patch: BugPatch | null, tagsFilter: string | null): Promise<BlackBoxOutcome> {
  const copy = apiCopy(patch);
  try {
    const target = await startBlackBoxTarget({
      name: `eff_${patch?.name ?? 'control'}`.slice(0, 40),
      postgresUrl: defaultUrls.postgres,
      redisUrl: defaultUrls.redis,
      serverScript: copy.serverScript,
    });
    try {
      return await runBlackBox(target.url, tagsFilter);
    } finally {
      await target.stop();
    }
  } finally {
    copy.remove();
  }
}

const filterOf = (patch: BugPatch | null) => {
  if (!values.quick) return null;
  if (!patch) return [...new Set(patches.map((each) => areaTags[each.area] ?? each.area))].join(' || ');
  return areaTags[patch.area] ?? patch.area;
};

const log = (line: string) => process.stdout.write(`${line}\n`);
log(
  `effectiveness: ${patches.length} patches, ${values.quick ? 'area tests only' : 'the whole black-box suite'} each`,
);
const control = await against(null, filterOf(null));
log(`  control (no patch): ${control.passed} passed, ${control.failed} failed, ${control.skipped} skipped`);
for (const failure of control.failures) log(`    ✗ ${failure}`);
const results: PatchResult[] = [];
for (const [i, patch] of patches.entries()) {
  const outcome = await against(patch, filterOf(patch));
  results.push({ ...patch, outcome, caught: outcome.failed > 0 });
  const verdict = outcome.failed > 0 ? `caught by ${outcome.failed}` : 'MISSED';
  log(`  [${i + 1}/${patches.length}] ${patch.area.padEnd(10)} ${patch.name}: ${verdict}`);
  for (const failure of outcome.failures.slice(0, 3)) log(`    ✗ ${failure}`);
}

const runId = `${new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-effectiveness`;
const folder = path.resolve('reports', runId);
mkdirSync(path.join(folder, 'security'), { recursive: true });
const report = { control, quick: values.quick, results };
writeFileSync(path.join(folder, 'effectiveness.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(folder, 'effectiveness.md'), summaryMarkdown(control, results));
writeFileSync(
  path.join(folder, 'security/effectiveness.json'),
  `${JSON.stringify(summarySection(control, results), null, 2)}\n`,
);
const latest = path.resolve('reports', 'latest-effectiveness');
try {
  unlinkSync(latest);
} catch {}
symlinkSync(runId, latest);
const caught = results.filter((result) => result.caught).length;
log(
  `${caught}/${results.length} patches caught black-box; control ${control.failed === 0 ? 'clean' : 'FAILED'}`,
);
log(`report: ${path.relative(process.cwd(), folder)}/effectiveness.md`);
process.exitCode = caught === results.length && control.failed === 0 ? 0 : 1;
