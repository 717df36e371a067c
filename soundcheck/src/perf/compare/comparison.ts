import { type EndpointNoise, noiseReport } from '../stats/noise.ts';
import type { EndpointPairs } from '../stats/paired-comparison.ts';
import { comparePaired, type EndpointComparison, type GateOptions } from '../stats/paired-comparison.ts';
import { runPairs, type Side, type TrialFigures } from './abba.ts';
import { type ApiUnderTest, startApiUnderTest } from './api-under-test.ts';
import type { SourceTree } from './checkout.ts';
import { GateSetupError } from './gate-error.ts';
import type { PreparedSide } from './interleaved-trial.ts';
import { processCpuReader } from './process-cpu.ts';

/** What a trial needs from the load side: prepare data on an API once, then measure it as often as asked. */
export interface TrialDriver {
  /** The scenario's name, for the report. */
  scenario: string;
  prepare(url: string): Promise<unknown>;
  /** One trial pair: per side and endpoint its figure (median latency, ms), NaN when it had errors. */
  measurePair(
    sides: Record<Side, PreparedSide>,
    first: Side,
    pair: number,
  ): Promise<Record<Side, TrialFigures>>;
}

export interface ComparisonPlan {
  baseline: SourceTree;
  candidate: SourceTree;
  pairs: number;
  aa: boolean;
  gate: GateOptions;
  driver: TrialDriver;
  /** What a trial measures per request: its latency, or the CPU time the API process spent on it. */
  metric: GateMetric;
  log: (line: string) => void;
}

export type GateMetric = 'latency' | 'cpu';

export interface ComparisonResult {
  scenario: string;
  baseline: { label: string; commit: string };
  candidate: { label: string; commit: string };
  aa: boolean;
  pairs: number;
  gate: GateOptions;
  metric: GateMetric;
  finishedAt: string;
  endpoints: EndpointComparison[];
  noise: EndpointNoise[] | null;
  /** Every trial's figures, so the comparison can be re-judged or resampled later. */
  trials: EndpointPairs[];
}

/**
 * Starts both APIs (each on its own fresh database), prepares each, runs one unrecorded warm-up trial
 * per side, then the ABBA pairs, and judges them. Both APIs are stopped whatever happens.
 */
export async function runComparison(plan: ComparisonPlan): Promise<ComparisonResult> {
  const { log, driver } = plan;
  const apis: ApiUnderTest[] = [];
  try {
    log('▸ starting the APIs, each on a fresh database');
    // No background workers: their timers would land in the API's CPU time and latency at random.
    const baselineApi = await startApiUnderTest(plan.baseline.dir, plan.baseline.label, { workers: false });
    apis.push(baselineApi);
    const candidateApi = await startApiUnderTest(plan.candidate.dir, plan.candidate.label, {
      workers: false,
    });
    apis.push(candidateApi);
    const cpuOf = (api: ApiUnderTest) => {
      if (plan.metric === 'latency') return null;
      const reader = processCpuReader(api.pid);
      if (!reader)
        throw new GateSetupError(
          '--metric cpu reads /proc/<pid>/task/*/schedstat: Linux only; use --metric latency',
        );
      return reader;
    };
    const urls: Record<Side, string> = { baseline: baselineApi.url, candidate: candidateApi.url };
    log(`▸ preparing ${driver.scenario} on both (not measured)`);
    const prepare = (side: Side, label: string) =>
      driver.prepare(urls[side]).catch((error: Error) => {
        throw new GateSetupError(`the scenario's setup failed on ${label}: ${error.message.split('\n')[0]}`);
      });
    const data: Record<Side, unknown> = {
      baseline: await prepare('baseline', plan.baseline.label),
      candidate: await prepare('candidate', plan.candidate.label),
    };
    const sides: Record<Side, PreparedSide> = {
      baseline: { url: urls.baseline, data: data.baseline, cpu: cpuOf(baselineApi) },
      candidate: { url: urls.candidate, data: data.candidate, cpu: cpuOf(candidateApi) },
    };
    log('▸ warm-up pair (not recorded)');
    await driver.measurePair(sides, 'baseline', -1);
    log(`▸ ${plan.pairs} pairs, ABBA order`);
    const trials = await runPairs(
      plan.pairs,
      (pair, first) => driver.measurePair(sides, first, pair),
      (done, total) => log(`  pair ${done}/${total} done`),
    );
    return {
      scenario: driver.scenario,
      baseline: { label: plan.baseline.label, commit: plan.baseline.commit },
      candidate: { label: plan.candidate.label, commit: plan.candidate.commit },
      aa: plan.aa,
      pairs: plan.pairs,
      gate: plan.gate,
      metric: plan.metric,
      finishedAt: new Date().toISOString(),
      endpoints: comparePaired(trials, plan.gate),
      noise: plan.aa ? noiseReport(trials, plan.gate) : null,
      trials,
    };
  } finally {
    for (const api of apis.reverse()) await api.stop();
  }
}
