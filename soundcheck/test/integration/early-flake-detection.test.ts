import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const script = fileURLToPath(new URL('../support/repeat-fixture-tests.ts', import.meta.url));

/** Repeats the fixture's two new tests `repeats` times in a child Vitest; returns what it decided. */
function repeat(repeats: number) {
  const child = spawnSync(process.execPath, [script, String(repeats)], { encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
    repeated: Array<[string, string]>;
    marked: Array<[string, string]>;
    problems: string[];
  };
}

describe('early flake detection', { tags: ['integration', 'harness'], timeout: 60_000 }, () => {
  test('a new test that fails its third run is caught by 10 repeats and marked flaky-new; a steady one is not', () => {
    const outcome = repeat(10);
    expect(outcome.repeated).toEqual([
      ['steady', 'passed'],
      ['fails on its third run', 'failed'],
    ]);
    expect(outcome.marked).toEqual([
      ['steady', 'passed'],
      ['fails on its third run', 'flaky'],
    ]);
    expect(outcome.problems).toEqual([
      'flaky-new: "new tests › fails on its third run" (new.test.ts) failed when repeated 10 times; a new test must pass every repeat',
    ]);
  });

  test('one repeat (two runs) cannot see it: the repeat count is what finds it', () => {
    expect(repeat(1).problems).toEqual([]);
  });
});
