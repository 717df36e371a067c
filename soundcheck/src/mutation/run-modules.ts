import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEquivalents } from './equivalents.ts';
import { judgeModule, type ModuleVerdict } from './judge.ts';
import { type MutationModule, runStryker } from './run-stryker.ts';

export interface MutationRunOptions {
  root: string;
  modules: readonly MutationModule[];
  /** Markdown list of equivalent mutants (see equivalents.ts), relative to the root. */
  equivalentsFile: string;
  setupFiles?: string[];
  reportDir: string;
  incremental: boolean;
  concurrency: number;
  /** Module score below which the run fails. */
  goalPct: number;
}

/** Runs the modules one after the other (the machine is shared), prints each verdict as it comes. */
export async function runMutationModules(options: MutationRunOptions): Promise<ModuleVerdict[]> {
  mkdirSync(options.reportDir, { recursive: true });
  const equivalentsPath = path.join(options.root, options.equivalentsFile);
  const equivalents = existsSync(equivalentsPath)
    ? parseEquivalents(readFileSync(equivalentsPath, 'utf8'))
    : [];
  const sourceOf = (file: string) => readFileSync(path.join(options.root, file), 'utf8');
  const verdicts: ModuleVerdict[] = [];
  for (const [index, module] of options.modules.entries()) {
    console.log(
      `mutation ${index + 1}/${options.modules.length}: ${module.name} (${module.mutate.join(', ')})`,
    );
    const started = Date.now();
    const results = await runStryker(module, options);
    const relative = results.map((r) => ({
      ...r,
      fileName: path.relative(options.root, path.resolve(options.root, r.fileName)),
    }));
    const verdict = judgeModule(module, relative, sourceOf, equivalents);
    verdicts.push(verdict);
    printVerdict(verdict, Date.now() - started, options.goalPct);
  }
  writeFileSync(path.join(options.reportDir, 'summary.json'), `${JSON.stringify(verdicts, null, 2)}\n`);
  return verdicts;
}

function printVerdict(v: ModuleVerdict, ms: number, goalPct: number): void {
  const mark = v.problems.length ? 'UNTRUSTED' : v.scorePct >= goalPct ? 'ok' : `below ${goalPct}%`;
  console.log(
    `  ${v.module}: ${v.scorePct}% (${v.killed} killed, ${v.timedOut} timed out, ${v.survived} survived, ${v.noCoverage} not covered) in ${Math.round(ms / 1000)} s — ${mark}`,
  );
  for (const problem of v.problems) console.log(`  ✗ ${problem}`);
  for (const s of v.survivors.filter((s) => !s.equivalent)) {
    console.log(
      `    ${s.status === 'NoCoverage' ? 'not covered' : 'survived'} ${s.file}:${s.line} ${s.mutator}: ${s.original} → ${s.replacement}`,
    );
  }
}
