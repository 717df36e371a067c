import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MutantRunStatus } from '@stryker-mutator/api/test-runner';
import { describe, expect, test } from 'vitest';
import { verdict } from '../../../src/mutation/vitest-runner.ts';
import { VitestSession } from '../../../src/mutation/vitest-session.ts';

// The fixture suite's folder, found through its config (which VitestSession loads from there).
const fixture = path.dirname(
  fileURLToPath(new URL('../../fixtures/mutation-suite/vitest.config.ts', import.meta.url)),
);

describe('the mutation runner’s Vitest session', { tags: ['unit', 'harness'], timeout: 180_000 }, () => {
  test('an active mutant kills in its own run, and neither it nor its failure leaks into the next', async () => {
    const session = new VitestSession(fixture, 'probe');
    try {
      const killed = await session.run(['doubled.test.ts'], '1', null);
      expect(verdict(killed)).toMatchObject({
        status: MutantRunStatus.Killed,
        killedBy: [killed.tests[0]?.id],
      });
      expect(killed.tests[0]?.activeHits).toBe(1);
      // The next mutant's run covers another file: it reports that file alone, not the failure before.
      const other = await session.run(['unrelated.test.ts'], '2', null);
      expect(other.tests.map((t) => [t.file, t.state])).toEqual([['unrelated.test.ts', 'passed']]);
      expect(verdict(other)).toMatchObject({ status: MutantRunStatus.Survived, nrOfTests: 1 });
      // Another mutant, then none, on the first file: mutant 1 must be off in both, in the same live Vitest.
      const again = await session.run(['doubled.test.ts'], '2', null);
      expect(verdict(again)).toMatchObject({ status: MutantRunStatus.Survived, nrOfTests: 1 });
      const none = await session.run(['doubled.test.ts'], null, null);
      expect(none.tests.map((t) => t.state)).toEqual(['passed']);
    } finally {
      await session.reset();
    }
  });

  test('a test that fails where the mutant never ran is no kill: the run is an error', async () => {
    const session = new VitestSession(fixture, 'probe');
    process.env.PROBE_UNRELATED_FAILURE = '1';
    try {
      const run = await session.run(['doubled.test.ts', 'unrelated.test.ts'], '1', null);
      // Both failed; only the one that ran the mutant kills it.
      expect(run.tests.filter((t) => t.state === 'failed')).toHaveLength(2);
      expect(verdict(run)).toMatchObject({
        status: MutantRunStatus.Killed,
        killedBy: [expect.stringMatching(/^doubled/)],
      });
      const unexplained = await session.run(['unrelated.test.ts'], '1', null);
      expect(verdict(unexplained)).toMatchObject({
        status: MutantRunStatus.Error,
        errorMessage: expect.stringContaining('failed though the mutant never ran in their file'),
      });
    } finally {
      delete process.env.PROBE_UNRELATED_FAILURE;
      await session.reset();
    }
  });
});
