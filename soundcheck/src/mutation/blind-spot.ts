/**
 * Code that every test file of a mutation run executes and no test can observe: the worker setup calls it
 * (the sandbox's copy, so Stryker's mutants of it are switched on like any other) before each test file
 * loads, and ignores what it returns. Each of its mutants must come out Survived. A kill means a test failed
 * for something other than the active mutant — a mutant leaking from an earlier run, a flaky test — and
 * then no kill of that run can be trusted.
 */
export function blindSpot(): number {
  const unseen = ['no', 'test', 'reads', 'this'];
  return unseen.length;
}
