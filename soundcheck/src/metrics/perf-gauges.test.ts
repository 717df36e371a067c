import { Registry } from 'prom-client';
import { describe, expect, test } from 'vitest';
import { registerPerfGauges } from './perf-gauges.ts';

describe('the performance gauges', { tags: ['unit', 'reporting'] }, () => {
  test('carry each figure in its unit and label, the bench route split from its bench, unknown figures left out', async () => {
    const registry = new Registry();
    registerPerfGauges(
      registry,
      [
        { metric: 'perf_p50_ms', label: 'sign-in POST /v1/auth/refresh', value: 4.9, baseline: null },
        { metric: 'perf_p95_ms', label: 'sign-in', value: 158.5, baseline: 120 },
        { metric: 'perf_rate', label: 'sign-in', value: 3, baseline: null },
      ],
      [{ metric: 'perf_ratio', label: 'bench:api GET /v1/me', value: 0.64, baseline: null }],
    );
    const lines = (await registry.metrics()).split('\n').filter((line) => line.startsWith('soundcheck_'));
    expect(lines).toEqual([
      'soundcheck_perf_p50_seconds{route="sign-in POST /v1/auth/refresh"} 0.0049',
      'soundcheck_perf_p95_seconds{route="sign-in"} 0.1585',
      'soundcheck_perf_p95_baseline_seconds{route="sign-in"} 0.12',
      'soundcheck_bench_ratio{bench="bench:api",route="GET /v1/me"} 0.64',
    ]);
  });
});
