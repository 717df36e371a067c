import { createVitest } from 'vitest/node';
import type { Sql } from '../history/sql.ts';
import { ResultsReporter } from '../reporter/results-reporter.ts';
import type { TestRecord } from '../reporter/test-record.ts';

/**
 * The ids among `tests` that the base branch's history has never run; null when the history holds no run
 * of the base branch at all (then every test would look new, and nothing can be told apart).
 */
export async function newTestIds(
  sql: Sql,
  tests: readonly TestRecord[],
  base: string,
): Promise<Set<string> | null> {
  const [{ runs }] = (await sql.query<{ runs: number }>(
    "SELECT count(*)::int AS runs FROM test_runs WHERE branch = $1 AND verdict IN ('passed', 'failed')",
    [base],
  )) as [{ runs: number }];
  if (!Number(runs)) return null;
  const known = await sql.query<{ test_id: string }>(
    `SELECT DISTINCT r.test_id FROM test_results r JOIN test_runs t ON t.id = r.run_id
     WHERE t.branch = $1 AND r.test_id = ANY($2::text[])`,
    [base, tests.map((test) => test.id)],
  );
  const seen = new Set(known.map((row) => row.test_id));
  return new Set(
    tests.filter((test) => !seen.has(test.id) && test.status !== 'skipped').map((test) => test.id),
  );
}

/**
 * Runs each new test `repeats` more times (Vitest `repeats`), in its own file and project, and returns the
 * records of those repeated runs: a record that failed means the new test failed at least one repeat.
 */
export async function repeatTests(
  tests: readonly TestRecord[],
  projects: readonly string[],
  repeats: number,
  where: { config?: string; root?: string } = {},
): Promise<TestRecord[]> {
  const results = new ResultsReporter(where.root ? { root: where.root } : {});
  const vitest = await createVitest('test', {
    run: true,
    watch: false,
    ...(where.config ? { config: where.config } : {}),
    ...(projects.length ? { project: [...projects] } : {}),
    repeats,
    retry: 0,
    reporters: [results],
  });
  try {
    const specs = await vitest.globTestSpecifications();
    const chosen = specs.flatMap((spec) => {
      const names = tests
        .filter((test) => spec.moduleId.endsWith(`/${test.file}`) && spec.project.name === test.project)
        .map((test) => test.titlePath.join(' > '));
      return names.length
        ? [spec.project.createSpecification(spec.moduleId, { testNames: names }, spec.pool)]
        : [];
    });
    if (chosen.length) await vitest.runTestSpecifications(chosen);
  } finally {
    await vitest.close();
  }
  const wanted = new Set(tests.map((test) => test.id));
  return results.records.filter((record) => wanted.has(record.id));
}

/** Marks each new test that failed a repeat as flaky-new (a flaky test, with the repeat's errors) and names it. */
export function markFlakyNew(
  tests: TestRecord[],
  repeated: readonly TestRecord[],
  repeats: number,
): string[] {
  const failed = new Map(repeated.filter((r) => r.status === 'failed').map((r) => [r.id, r]));
  const problems: string[] = [];
  for (const test of tests) {
    const repeat = failed.get(test.id);
    // A test that failed outright is already a failure; flaky-new is for one that passed, then failed a repeat.
    if (!repeat || test.status === 'failed') continue;
    test.status = 'flaky';
    test.note = `flaky-new: a new test that failed when repeated ${repeats} times`;
    test.errors.push(...repeat.errors);
    test.category = repeat.category ?? test.category;
    problems.push(
      `flaky-new: "${test.titlePath.join(' › ')}" (${test.file}) failed when repeated ${repeats} times; a new test must pass every repeat`,
    );
  }
  return problems;
}
