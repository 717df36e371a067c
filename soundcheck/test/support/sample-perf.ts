import type { PerfHistory, PerfRuns } from '../../src/analytics/perf-history.ts';
import type { TimePoint } from '../../src/load/result-types.ts';
import type { ComparisonResult } from '../../src/perf/compare/comparison.ts';
import type { PerfEntry } from '../../src/report/perf/run-charts-data.ts';

/** Deterministic jitter in [-1, 1]: sample data must draw the same page every time. */
const jitter = (i: number, salt = 1) => {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453;
  return (x - Math.floor(x)) * 2 - 1;
};

/** A 1-second series of a load run: steady latency with one slow second at 17 s, a few errors at 21 s. */
export function sampleTimeSeries(seconds = 30): TimePoint[] {
  return Array.from({ length: seconds }, (_, second) => {
    const slow = second === 17 ? 6 : 1;
    return {
      second,
      targetRate: 40,
      achievedRate: 40,
      requests: Math.round(118 + 6 * jitter(second)),
      p50: Math.round((11 + jitter(second, 2)) * slow * 10) / 10,
      p95: Math.round((24 + 3 * jitter(second, 3)) * slow * 10) / 10,
      p99: Math.round((38 + 6 * jitter(second, 4)) * slow * 10) / 10,
      errors: second === 21 ? 3 : 0,
      dropped: 0,
      activeVUs: 4,
    };
  });
}

/** A stress ramp 2 → 60 it/s whose p99 breaks at 44 it/s (index 21) and stays broken. */
export function sampleStressCurve(): NonNullable<PerfEntry['knee']>['curve'] {
  return Array.from({ length: 30 }, (_, i) => {
    const rate = 2 + i * 2;
    const broken = rate >= 44;
    return {
      rate,
      p99: broken ? 90 + (rate - 44) * 40 : 20 + 2 * jitter(i),
      errorRate: rate >= 52 ? (rate - 50) / 100 : 0,
    };
  });
}

export function sampleLoadEntry(): PerfEntry {
  return {
    title: 'load: catalog-browse at 40 it/s for 30 s',
    verdict: 'failed',
    summary: '39.8 it/s (target 40), p95 25 ms, 3 failed of 3540; over budget: GET /v1/releases/{id}/history',
    metrics: [
      { name: 'GET /v1/releases p95', value: 31.2, unit: 'ms', budget: 80 },
      { name: 'GET /v1/releases/{id} p95', value: 18.4, unit: 'ms', budget: 40 },
      { name: 'GET /v1/releases/{id}/tracks p95', value: 22.9, unit: 'ms', budget: 40 },
      { name: 'GET /v1/releases/{id}/history p95', value: 61.5, unit: 'ms', budget: 50 },
    ],
    timeSeries: sampleTimeSeries(),
  };
}

export function sampleStressEntry(): PerfEntry {
  return {
    title: 'stress: catalog reads ramped 2 → 60/s over 30s; knee 44/s',
    verdict: 'passed',
    summary: 'knee at 44 it/s (calm p99 20 ms); p95 14 ms before, 15 ms after, recovered within 5 s',
    knee: { rate: 44, curve: sampleStressCurve() },
  };
}

const commit = (i: number) => `${(0xa1b2c3 + i * 4099).toString(16).padStart(7, '0')}0000000000000`;

function runsOf(count: number, prefix: string): PerfRuns['runs'] {
  return Array.from({ length: count }, (_, i) => ({
    runId: `${prefix}-${i}`,
    commit: commit(i),
    startedAt: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(),
  }));
}

/** QA runs whose catalog-browse p95 steps up by about 40% at run 14; the other series stay level. */
export const plantedTrendStep = 14;
/** Bench runs whose GET /v1/releases/{id} ratio steps from about 0.1× to 0.5× at run 6 (the hot-path work). */
export const plantedBenchStep = 6;

export function samplePerfHistory(): PerfHistory {
  const n = 24;
  const series = (metric: string, label: string, value: (i: number) => number | null) => ({
    metric,
    label,
    values: Array.from({ length: n }, (_, i) => value(i)),
  });
  const benchRuns = 12;
  const benchSeries = (metric: string, route: string, value: (i: number) => number) => ({
    metric,
    label: `bench:api ${route}`,
    values: Array.from({ length: benchRuns }, (_, i) => Math.round(value(i) * 1000) / 1000),
  });
  // The hot-path work lands at bench run 6: GET /v1/releases/{id} goes from ~0.1× to ~0.5× the reference.
  const read = (i: number) => (i < plantedBenchStep ? 0.1 : 0.5) + 0.01 * jitter(i, 5);
  return {
    runs: {
      runs: runsOf(n, 'run'),
      series: [
        series('perf_p95_ms', 'catalog-browse', (i) => (i < plantedTrendStep ? 25 : 35) + jitter(i)),
        series('perf_p95_ms', 'sign-in', (i) => 180 + 4 * jitter(i, 2)),
        series('perf_rps', 'catalog-browse', (i) => 120 + 2 * jitter(i, 3)),
        series('perf_rps', 'sign-in', (i) => 9 + 0.3 * jitter(i, 4)),
        series('perf_p95_ms', 'catalog-browse GET /v1/releases', (i) => 30 + jitter(i, 6)),
        series('perf_capacity_rps', 'catalog-browse', (i) => (i % 3 === 0 ? 44 + jitter(i, 7) : null)),
      ],
    },
    bench: {
      runs: runsOf(benchRuns, 'bench'),
      series: [
        benchSeries('perf_ratio', 'reference: Fastify + pg, same row', () => 1),
        benchSeries('perf_ratio', 'GET /v1/releases/{id}', read),
        benchSeries('perf_ratio', 'GET /v1/me', (i) => 0.75 + 0.02 * jitter(i, 8)),
        benchSeries('perf_ratio', 'reference: Fastify + pg, same album', (i) => 0.62 + 0.02 * jitter(i, 11)),
        benchSeries('perf_rps', 'reference: Fastify + pg, same row', (i) => 5200 + 300 * jitter(i, 9)),
        benchSeries('perf_rps', 'GET /v1/releases/{id}', (i) => read(i) * 5200),
        benchSeries('perf_rps', 'GET /v1/me', (i) => 3900 + 200 * jitter(i, 10)),
        benchSeries('perf_rps', 'GET /v1/releases/{id} at 60% of capacity', () => 1500),
      ],
    },
  };
}

/** A gate comparison that found one endpoint slower. */
export function sampleComparison(): ComparisonResult {
  const row = (endpoint: string, ratio: number, pAdjusted: number, verdict: 'slower' | 'same') => ({
    endpoint,
    validPairs: 30,
    ratio,
    ciLow: ratio * 0.95,
    ciHigh: ratio * 1.06,
    p: pAdjusted / 3,
    pAdjusted,
    verdict,
  });
  return {
    scenario: 'reference-reads',
    baseline: { label: 'main', commit: commit(1) },
    candidate: { label: 'working tree', commit: commit(2) },
    aa: false,
    pairs: 30,
    gate: { alpha: 0.01, minEffect: 0.05, confidence: 0.95 },
    metric: 'cpu',
    finishedAt: '2026-11-25T09:40:00.000Z',
    endpoints: [
      row('GET /v1/releases/{id}', 1.156, 0.0002, 'slower'),
      row('GET /v1/releases', 1.01, 0.8, 'same'),
      row('GET /v1/me', 0.99, 0.9, 'same'),
    ],
    noise: null,
    trials: [],
  };
}
