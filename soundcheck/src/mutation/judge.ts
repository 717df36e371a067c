import type { MutantResult } from '@stryker-mutator/api/core';
import { blindSpotFile } from './blind-spot-file.ts';
import type { Equivalent } from './equivalents.ts';
import { codeKey, originalCode } from './mutant-text.ts';
import type { MutationModule } from './run-stryker.ts';

/** A mutant no test killed. */
export interface Survivor {
  file: string;
  line: number;
  mutator: string;
  original: string;
  replacement: string;
  status: 'Survived' | 'NoCoverage';
  testsRun: number;
  /** The documented reason, when the mutant is listed as equivalent. */
  equivalent?: string;
}

export interface ModuleVerdict {
  module: string;
  total: number;
  killed: number;
  timedOut: number;
  survived: number;
  noCoverage: number;
  /** (killed + timed out) / (those + survived + no coverage), in percent with one decimal. */
  scorePct: number;
  survivors: Survivor[];
  /** Reasons not to trust the score: the tool did not see what it claims to test. */
  problems: string[];
}

const count = (results: readonly MutantResult[], status: MutantResult['status']) =>
  results.filter((r) => r.status === status).length;

/**
 * Scores one module and checks the run was honest: the planted mutant must be Killed, the blind spot's
 * mutants (which no test can see) must all survive, no mutant may have survived after running zero tests,
 * and none may have errored. The blind spot does not count in the score.
 */
export function judgeModule(
  module: MutationModule,
  allResults: readonly MutantResult[],
  sourceOf: (file: string) => string,
  equivalents: readonly Equivalent[],
): ModuleVerdict {
  const problems: string[] = [];
  const blind = allResults.filter((r) => r.fileName === blindSpotFile);
  const results = allResults.filter((r) => r.fileName !== blindSpotFile);
  if (!blind.length) problems.push(`no mutant of ${blindSpotFile}: the run cannot show its kills are honest`);
  const seen = blind.filter((r) => r.status !== 'Survived');
  if (seen.length) {
    const [first] = seen;
    problems.push(
      `${seen.length} of ${blind.length} blind-spot mutant(s) that no test can see came out ${first?.status} ` +
        `(${first?.statusReason?.split('\n')[0] ?? 'no reason given'}): tests fail for something other than ` +
        'the active mutant (one leaking from an earlier run, or a flaky test), so no kill is trusted',
    );
  }
  const planted = findPlanted(module, results, sourceOf);
  if (!planted) {
    problems.push(
      `planted mutant not generated: the body of ${module.planted.functionName} in ${module.planted.file}`,
    );
  } else if (planted.status !== 'Killed') {
    problems.push(
      `planted mutant (empty ${module.planted.functionName}) came out ${planted.status}: the tests do not see the mutated code`,
    );
  }
  const zeroTests = results.filter((r) => r.status === 'Survived' && !r.testsCompleted);
  if (zeroTests.length)
    problems.push(`${zeroTests.length} mutant(s) scored Survived after running zero tests`);
  const errored = results.filter((r) => r.status === 'RuntimeError' || r.status === 'CompileError');
  if (errored.length) problems.push(`${errored.length} mutant(s) errored: ${errored[0]?.statusReason ?? ''}`);

  const killed = count(results, 'Killed');
  const timedOut = count(results, 'Timeout');
  const survived = count(results, 'Survived');
  const noCoverage = count(results, 'NoCoverage');
  const judged = killed + timedOut + survived + noCoverage;
  return {
    module: module.name,
    total: results.length,
    killed,
    timedOut,
    survived,
    noCoverage,
    scorePct: judged ? Math.round(((killed + timedOut) / judged) * 1000) / 10 : 0,
    survivors: results.flatMap((r) => survivorOf(r, sourceOf, equivalents)),
    problems,
  };
}

function survivorOf(
  r: MutantResult,
  sourceOf: (file: string) => string,
  equivalents: readonly Equivalent[],
): Survivor[] {
  if (r.status !== 'Survived' && r.status !== 'NoCoverage') return [];
  const original = codeKey(originalCode(sourceOf(r.fileName), r.location));
  const replacement = codeKey(r.replacement ?? '');
  const equivalent = equivalents.find(
    (e) =>
      e.file === r.fileName &&
      e.mutator === r.mutatorName &&
      e.original === original &&
      e.replacement === replacement,
  );
  return [
    {
      file: r.fileName,
      line: r.location.start.line,
      mutator: r.mutatorName,
      original,
      replacement,
      status: r.status,
      testsRun: r.testsCompleted ?? 0,
      ...(equivalent ? { equivalent: equivalent.reason } : {}),
    },
  ];
}

function findPlanted(
  module: MutationModule,
  results: readonly MutantResult[],
  sourceOf: (file: string) => string,
): MutantResult | undefined {
  const { file, functionName } = module.planted;
  const source = sourceOf(file);
  const declared = new RegExp(`(function\\s+${functionName}\\b|\\b${functionName}\\s*=)`).exec(source);
  if (!declared) return undefined;
  const before = source.slice(0, declared.index).split('\n');
  const at = { line: before.length, column: before.at(-1)?.length ?? 0 };
  const after = (r: MutantResult) =>
    r.location.start.line > at.line ||
    (r.location.start.line === at.line && r.location.start.column > at.column);
  // The function's body is the first block after its name.
  return results
    .filter((r) => r.fileName === file && r.mutatorName === 'BlockStatement' && after(r))
    .sort(
      (a, b) =>
        a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column,
    )[0];
}
