import { createHash } from 'node:crypto';

/** `@fast-check/vitest` appends the run's seed to a property's title: every run, the same property. */
const propertySeed = / \(with seed=-?\d+\)$/;

/**
 * A test's identity across runs: its file (relative, `/`-separated) and its title path. Vitest's own
 * `testCase.id` counts positions, so moving a test would make it a new test; this survives reordering,
 * and changes only when the test is renamed or moved to another file (not when only its seed changes).
 */
export function stableTestId(file: string, titlePath: readonly string[]): string {
  const titles = titlePath.map((title) => title.replace(propertySeed, ''));
  const key = [file.replaceAll('\\', '/'), ...titles].join('\u001f');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
