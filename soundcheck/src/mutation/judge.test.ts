import type { MutantResult } from '@stryker-mutator/api/core';
import { describe, expect, test } from 'vitest';
import { blindSpotFile } from './blind-spot-file.ts';
import { formatEquivalent, parseEquivalents } from './equivalents.ts';
import { judgeModule } from './judge.ts';
import { originalCode } from './mutant-text.ts';
import type { MutationModule } from './run-stryker.ts';

const file = 'src/parity.ts';
const source = ['export function isEven(n: number): boolean {', '  return n % 2 === 0;', '}', ''].join('\n');
const module: MutationModule = {
  name: 'parity',
  mutate: [file],
  testFiles: ['parity.test.ts'],
  planted: { file, functionName: 'isEven' },
};

let nextId = 0;
function mutant(overrides: Partial<MutantResult>): MutantResult {
  nextId += 1;
  return {
    id: String(nextId),
    fileName: file,
    mutatorName: 'ConditionalExpression',
    replacement: 'true',
    location: { start: { line: 2, column: 10 }, end: { line: 2, column: 21 } },
    status: 'Killed',
    testsCompleted: 3,
    ...overrides,
  };
}
const plantedBody = (status: MutantResult['status']) =>
  mutant({
    mutatorName: 'BlockStatement',
    replacement: '{}',
    location: { start: { line: 1, column: 44 }, end: { line: 3, column: 2 } },
    status,
  });
/** A mutant of the blind spot (code every test runs and none observes), as an honest run scores it. */
const blind = (overrides: Partial<MutantResult> = {}) =>
  mutant({ fileName: blindSpotFile, status: 'Survived', ...overrides });
const judge = (results: MutantResult[], markdown = '', blindSpot = [blind(), blind()]) =>
  judgeModule(module, [...results, ...blindSpot], () => source, parseEquivalents(markdown));

describe('mutation run verdicts', { tags: ['unit', 'harness'] }, () => {
  test('an honest run: the planted mutant killed, the score counts timeouts as detected', () => {
    const verdict = judge([
      plantedBody('Killed'),
      mutant({ status: 'Timeout' }),
      mutant({ status: 'Survived' }),
    ]);
    expect(verdict).toMatchObject({ problems: [], killed: 1, timedOut: 1, survived: 1, scorePct: 66.7 });
    expect(verdict.survivors).toEqual([
      {
        file,
        line: 2,
        mutator: 'ConditionalExpression',
        original: 'n % 2 === 0',
        replacement: 'true',
        status: 'Survived',
        testsRun: 3,
      },
    ]);
  });

  test('a blind-spot mutant that is killed means tests fail without the mutant: no kill is trusted', () => {
    const verdict = judge([plantedBody('Killed'), mutant({ status: 'Killed' })], '', [
      blind(),
      blind({ status: 'Killed', statusReason: 'expected 2 to be 3\nat …' }),
    ]);
    expect(verdict.problems).toEqual([
      '1 of 2 blind-spot mutant(s) that no test can see came out Killed (expected 2 to be 3): tests fail for ' +
        'something other than the active mutant (one leaking from an earlier run, or a flaky test), so no ' +
        'kill is trusted',
    ]);
    // The blind spot is the harness's, not the module's: it counts in neither the score nor the survivors.
    expect(verdict).toMatchObject({ total: 2, killed: 2, survived: 0, scorePct: 100, survivors: [] });
  });

  test('a run without the blind spot cannot show its kills are honest', () => {
    expect(judge([plantedBody('Killed')], '', []).problems).toEqual([
      `no mutant of ${blindSpotFile}: the run cannot show its kills are honest`,
    ]);
  });

  test('a planted mutant that survives means the tests never saw the mutated code', () => {
    expect(judge([plantedBody('Survived')]).problems).toEqual([
      'planted mutant (empty isEven) came out Survived: the tests do not see the mutated code',
    ]);
  });

  test('a run that never generated the planted mutant is not trusted', () => {
    expect(judge([mutant({})]).problems).toEqual([
      'planted mutant not generated: the body of isEven in src/parity.ts',
    ]);
  });

  test('a mutant scored Survived after running zero tests fails the run (stryker-js #6213)', () => {
    const verdict = judge([plantedBody('Killed'), mutant({ status: 'Survived', testsCompleted: 0 })]);
    expect(verdict.problems).toEqual(['1 mutant(s) scored Survived after running zero tests']);
  });

  test('a mutant the runner could not run fails the run', () => {
    const verdict = judge([
      plantedBody('Killed'),
      mutant({ status: 'RuntimeError', statusReason: 'the mutant ran zero tests' }),
    ]);
    expect(verdict.problems).toEqual(['1 mutant(s) errored: the mutant ran zero tests']);
    expect(verdict.scorePct).toBe(100);
  });

  test('a survivor listed in the equivalents carries its reason; another mutant on the line does not', () => {
    const listed = formatEquivalent(
      { file, mutator: 'ConditionalExpression', original: 'n % 2 === 0', replacement: 'true' },
      'every caller passes even numbers',
    );
    const verdict = judge(
      [
        plantedBody('Killed'),
        mutant({ status: 'Survived' }),
        mutant({ status: 'NoCoverage', replacement: 'false' }),
      ],
      `# Equivalent mutants\n\n${listed}\n`,
    );
    expect(verdict.survivors.map((s) => [s.replacement, s.equivalent])).toEqual([
      ['true', 'every caller passes even numbers'],
      ['false', undefined],
    ]);
  });
});

describe('the code a mutant replaces', { tags: ['unit', 'harness'] }, () => {
  test('Stryker counts lines and columns from 1', () => {
    expect(originalCode(source, { start: { line: 2, column: 10 }, end: { line: 2, column: 21 } })).toBe(
      'n % 2 === 0',
    );
    expect(originalCode(source, { start: { line: 1, column: 44 }, end: { line: 3, column: 2 } })).toBe(
      '{\n  return n % 2 === 0;\n}',
    );
  });
});
