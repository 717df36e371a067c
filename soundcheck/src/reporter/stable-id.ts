import { createHash } from 'node:crypto';

/**
 * A test's identity across runs: its file (relative, `/`-separated) and its title path. Vitest's own
 * `testCase.id` counts positions, so moving a test would make it a new test; this survives reordering,
 * and changes only when the test is renamed or moved to another file.
 */
export function stableTestId(file: string, titlePath: readonly string[]): string {
  const key = [file.replaceAll('\\', '/'), ...titlePath].join('\u001f');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
