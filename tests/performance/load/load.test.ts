import { type LoadResult, parseDuration, runLoad, type Scenario } from 'soundcheck/load/index.ts';
import { lastCapacity } from 'soundcheck/perf/history/capacity.ts';
import { loadSection, type PerfSection, writePerfSection } from 'soundcheck/perf/history/load-section.ts';
import { TimeToDelivered } from 'soundcheck/perf/history/time-to-delivered.ts';
import { loadBudgets, operationOf } from '../budgets.ts';
import catalogBrowse from '../scenarios/catalog-browse.ts';
import { deliveryScenario } from '../scenarios/delivery.ts';
import releaseAuthoring from '../scenarios/release-authoring.ts';
import review from '../scenarios/review.ts';
import signIn from '../scenarios/sign-in.ts';
import { describe, expect, test } from '../support/perf-test.ts';

/** Each scenario's share of the minute `npm run qa` gives the load suite (SOUNDCHECK_LOAD_DURATION). */
const duration = process.env.SOUNDCHECK_LOAD_DURATION ?? '10s';
/** The share of the measured capacity the load runs at. */
const share = 0.6;
/**
 * The budgets are p95s at a low fixed rate (the endpoints suite). At a share ρ of capacity a request also
 * queues: a single server's response time grows by 1 / (1 − ρ), 2.5× at 60 % (M/M/1). Without a measured
 * capacity the rate is a low fixed one and the budgets apply as they are. (At 60 % of a 913 it/s knee, on
 * a quiet machine, catalog reads had p95s of 41–79 ms against 60 ms budgets.)
 */
const rateAndHeadroom = (capacity: number | null, fallback: number) =>
  capacity
    ? { rate: Math.max(0.2, Math.round(capacity * share * 10) / 10), headroom: 1 / (1 - share) }
    : { rate: fallback, headroom: 1 };

// [scenario, fixed rate (it/s) when the history has no measured capacity]
const mix: Array<[Scenario<unknown>, number]> = [
  [catalogBrowse as Scenario<unknown>, 4],
  [signIn as Scenario<unknown>, 1],
  [releaseAuthoring as Scenario<unknown>, 0.5],
  [review as Scenario<unknown>, 0.5],
];

describe('load: the expected mix at 60 % of measured capacity', {
  tags: ['performance', 'long', 'slow'],
}, () => {
  test.for(mix.map(([scenario, fallback]) => [scenario.name, scenario, fallback] as const))(
    '%s holds its thresholds and every request its p95 budget',
    async ([, scenario, fallback], { loadTarget }) => {
      const capacity = await lastCapacity(scenario.name);
      const { rate, headroom } = rateAndHeadroom(capacity, fallback);
      const seconds = parseDuration(duration, 'SOUNDCHECK_LOAD_DURATION') / 1000;
      // The review desk consumes a prepared release per iteration.
      process.env.SOUNDCHECK_REVIEW_RELEASES = String(Math.ceil(rate * seconds) + 2);
      process.env.SOUNDCHECK_CATALOG_RELEASES = '12';
      process.env.SOUNDCHECK_SIGN_IN_USERS = '4';
      const result = await runLoad(
        { ...scenario, executor: { type: 'constant-arrival-rate', rate, duration, maxVUs: 50 } },
        { target: loadTarget, maxRequests: 20_000 },
      );
      const section = loadSection(
        `load: ${scenario.name} at ${rate}/s for ${duration} (${capacity ? `60 % of measured capacity; budgets × ${headroom}` : 'default rate'})`,
        result,
        budgetOf(headroom),
      );
      writePerfSection(`load-${scenario.name}`, section);
      expectHeld(result, section);
    },
  );

  test('delivery to SFTP and S3 partners holds its thresholds and records time-to-delivered', async ({
    loadTarget,
    sftp,
    mockServers,
  }) => {
    const timings = new TimeToDelivered();
    const scenario = deliveryScenario({ sftp, s3: mockServers.s3 }, timings) as Scenario<unknown>;
    const { rate, headroom } = rateAndHeadroom(await lastCapacity(scenario.name), 0.5);
    const seconds = parseDuration(duration, 'SOUNDCHECK_LOAD_DURATION') / 1000;
    // One approved release per iteration, prepared in setup.
    process.env.SOUNDCHECK_DELIVERY_RELEASES = String(Math.ceil(rate * seconds) + 2);
    const result = await runLoad(
      { ...scenario, executor: { type: 'constant-arrival-rate', rate, duration, maxVUs: 20 } },
      { target: loadTarget, maxRequests: 20_000 },
    );
    const section = loadSection(`load: delivery at ${rate}/s for ${duration}`, result, budgetOf(headroom));
    writePerfSection('load-delivery', {
      ...section,
      summary: `${section.summary}; time-to-delivered p50 / p95 / p99: ${timings.summary()}`,
      metrics: [...(section.metrics ?? []), ...timings.metrics()],
      history: [...section.history, ...timings.history()],
    });
    expectHeld(result, section);
    const iterations = result.summary.iterations.completed;
    expect(['sftp', 's3', 'release'].map((kind) => timings.count(kind as 'sftp'))).toEqual([
      iterations,
      iterations,
      iterations,
    ]);
  });
});

const budgets = loadBudgets();
const budgetOf = (headroom: number) => (name: string) => {
  const operation = operationOf(name, budgets);
  const p95Ms = operation ? budgets.operations[operation]?.p95Ms : undefined;
  return p95Ms === undefined ? undefined : p95Ms * headroom;
};

/** No failed iteration, no transport error, every threshold held, every request within its p95 budget. */
function expectHeld(result: LoadResult, section: PerfSection): void {
  const { summary } = result;
  expect(summary.iterations.failed, JSON.stringify(summary.iterationErrors)).toBe(0);
  expect(summary.overall.errors.byKind).toEqual({ timeout: 0, reset: 0, refused: 0, protocol: 0, other: 0 });
  expect(summary.thresholds.filter((t) => !t.ok)).toEqual([]);
  expect(section.metrics?.filter((m) => m.budget !== undefined && m.value > m.budget)).toEqual([]);
}
