import { runLoad, type Scenario } from 'soundcheck/load/index.ts';
import { writePerfSection } from 'soundcheck/perf/history/load-section.ts';
import { TimeToDelivered } from 'soundcheck/perf/history/time-to-delivered.ts';
import { loadBudgets, operationOf } from '../budgets.ts';
import catalogBrowse from '../scenarios/catalog-browse.ts';
import { deliveryScenario } from '../scenarios/delivery.ts';
import referenceReads from '../scenarios/reference-reads.ts';
import releaseAuthoring from '../scenarios/release-authoring.ts';
import review from '../scenarios/review.ts';
import signIn from '../scenarios/sign-in.ts';
import { describe, expect, test } from '../support/perf-test.ts';

// A fixed number of iterations, one VU: the same requests every run, so the checks are exact.
const smoke = (scenario: Scenario<unknown>, iterations: number): Scenario<unknown> => ({
  ...scenario,
  executor: { type: 'per-vu-iterations', vus: 1, iterations, maxDuration: '60s' },
});

const scenarios: Array<[string, Scenario<unknown>, number]> = [
  ['catalog-browse', catalogBrowse as Scenario<unknown>, 8],
  ['reference-reads', referenceReads as Scenario<unknown>, 3],
  ['release-authoring', releaseAuthoring as Scenario<unknown>, 1],
  ['sign-in', signIn as Scenario<unknown>, 2],
];

// Small setups: the smoke checks the scenarios work, not how they scale.
Object.assign(process.env, {
  SOUNDCHECK_CATALOG_RELEASES: '3',
  SOUNDCHECK_SIGN_IN_USERS: '1',
  SOUNDCHECK_REVIEW_RELEASES: '2',
  SOUNDCHECK_DELIVERY_RELEASES: '2',
});

describe('load scenarios, smoke', { tags: ['performance'] }, () => {
  test.for(scenarios)(
    '%s runs its iterations without a failure, every request named by its operation',
    async ([, scenario, iterations], { smokeTarget }) => {
      const { summary } = await runLoad(smoke(scenario, iterations), {
        target: smokeTarget,
        maxRequests: 500,
      });
      expect(summary.iterations).toMatchObject({
        started: iterations,
        completed: iterations,
        failed: 0,
        dropped: 0,
      });
      expect(summary.overall.failed).toBe(0);
      expect(summary.overall.errors.byStatusClass['5xx']).toBe(0);
      const budgets = loadBudgets();
      expect(
        summary.byName.map((stats) => [stats.name, operationOf(stats.name, budgets) !== undefined]),
      ).toEqual(summary.byName.map((stats) => [stats.name, true]));
    },
  );

  test('review takes one prepared release per iteration and approves it', async ({ smokeTarget }) => {
    const { summary } = await runLoad(smoke(review as Scenario<unknown>, 2), { target: smokeTarget });
    expect(summary.iterations).toMatchObject({ completed: 2, failed: 0 });
    expect(summary.byName.map((stats) => [stats.name, stats.requests])).toEqual(
      expect.arrayContaining([
        ['POST /v1/releases/{id}/submit', 2],
        ['POST /v1/releases/{id}/start-review', 2],
        ['POST /v1/releases/{id}/approve', 2],
      ]),
    );
  });

  test('delivery reaches both partners, waits for delivered, and records time-to-delivered', async ({
    smokeTarget,
    sftp,
    mockServers,
  }) => {
    sftp.reset();
    const timings = new TimeToDelivered();
    const scenario = deliveryScenario({ sftp, s3: mockServers.s3 }, timings) as Scenario<unknown>;
    const { summary } = await runLoad(smoke(scenario, 2), { target: smokeTarget });
    expect(summary.iterations, JSON.stringify(summary.iterationErrors)).toMatchObject({
      completed: 2,
      failed: 0,
    });
    expect(['sftp', 's3', 'release'].map((kind) => timings.count(kind as 'sftp'))).toEqual([2, 2, 2]);
    // The partners hold what was timed: two batches closed by their manifest, two S3 release folders.
    expect(sftp.received.filter((file) => /BatchComplete_\d+\.xml$/.test(file.path))).toHaveLength(2);
    const messages = [...mockServers.s3.objects.keys()].filter((key) =>
      /^dsp-[^/]+\/incoming\/.+\.xml$/.test(key),
    );
    expect(messages).toHaveLength(2);
    const budgets = loadBudgets();
    expect(summary.byName.filter((stats) => operationOf(stats.name, budgets) === undefined)).toEqual([]);
    writePerfSection('smoke-delivery', {
      title: 'smoke: delivery to an SFTP and an S3 partner, 2 iterations on one VU (in-process app)',
      verdict: 'passed',
      summary: `time-to-delivered p50 / p95 / p99: ${timings.summary()}`,
      metrics: timings.metrics(),
      history: timings.history('smoke '),
    });
  });
});
