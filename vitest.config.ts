import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { infrastructureRetry } from './soundcheck/src/reporter/infrastructure-retry.ts';
import { tags } from './tests/tags.ts';

// One seed per run, printed, inherited by the workers; SOUNDCHECK_SEED=<n> (or `soundcheck run --seed n`) replays it.
process.env.SOUNDCHECK_SEED ||= String(Math.floor(Math.random() * 2 ** 31));
const seed = Number(process.env.SOUNDCHECK_SEED);
if (!process.env.SOUNDCHECK_QUIET) console.log(`seed ${seed} (replay with SOUNDCHECK_SEED=${seed})`);
const servicesSetup = './tests/utils/global-setup.ts';
const setupFiles = ['./tests/utils/seed.ts'];

export default defineConfig({
  test: {
    tags,
    strictTags: true,
    sequence: { seed },
    // The suite waits on PostgreSQL and Redis more than it computes: on a 2-core machine two workers
    // finish it in 2m45s where Vitest's default of one takes 4m24s.
    maxWorkers: Math.max(2, availableParallelism()),
    // A worker keeps its modules from one test file to the next instead of importing the API, Fastify and
    // faker again for each: the suite ran in 151 s instead of 296 s (2 cores, quiet, same seed). Each file
    // still builds its own app on its own database clone, mocks and Redis prefix; what test code caches at
    // module level is keyed by file (tests/utils/contract/documented-codes.ts).
    isolate: false,
    setupFiles,
    // Soundcheck's runner marks setup/body/teardown for the error classifier and backs off between
    // retries; only infrastructure failures (refused, reset, timed-out connections) are retried.
    runner: './soundcheck/src/reporter/phase-runner.ts',
    // The coverage gate (npm run qa, npm run test:coverage, CI): the API's own code, line by line.
    coverage: { thresholds: { 'api/src/**/*.ts': { lines: 85 } } },
    retry: infrastructureRetry,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'tests/unit/**/*.test.ts',
            'api/src/**/*.test.ts',
            'soundcheck/src/**/*.test.ts',
            'soundcheck/test/unit/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'soundcheck/test/integration/**/*.test.ts'],
          globalSetup: [servicesSetup],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: [servicesSetup],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'security',
          include: ['tests/security/**/*.test.ts'],
          globalSetup: [servicesSetup],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'performance',
          include: ['tests/performance/**/*.test.ts'],
          globalSetup: [servicesSetup],
          testTimeout: 120_000,
          // Latency is measured alone: after the other categories, one file at a time (a stress ramp
          // beside the load mix, or the security suite on the same target, would be what p95 measures).
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          // The load tests set their scenario sizes in process.env; each file starts clean.
          isolate: true,
        },
      },
    ],
  },
});
