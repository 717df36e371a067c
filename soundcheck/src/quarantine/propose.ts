import { execFileSync } from 'node:child_process';
import type { FlakyTest } from '../analytics/flaky.ts';
import type { QuarantineEntry } from './quarantine.ts';

/** The last author of a file, as its likely owner; `unknown` outside a git checkout. */
function lastAuthor(file: string): string {
  try {
    return (
      execFileSync('git', ['log', '-1', '--format=%ae', '--', file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || 'unknown'
    );
  } catch {
    return 'unknown';
  }
}

/**
 * Quarantine entries for the tests whose flip rate reaches `minFlipRatePct`, expiring `days` after `today`
 * (a quarantine is a loan, not a home); the owner is the test file's last author.
 */
export function proposeEntries(
  tests: readonly FlakyTest[],
  options: { minFlipRatePct: number; today: string; days: number; owner?: (file: string) => string },
): QuarantineEntry[] {
  const expires = new Date(Date.parse(`${options.today}T00:00:00Z`) + options.days * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const owner = options.owner ?? lastAuthor;
  return tests
    .filter((test) => test.flipRatePct >= options.minFlipRatePct)
    .map((test) => ({
      file: test.file,
      title: test.title,
      reason: `flips between pass and fail: ${test.flips} flips in ${test.runs} runs (${test.flipRatePct}%)`,
      owner: owner(test.file),
      expires,
    }));
}
