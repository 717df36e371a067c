import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LoadConfigError } from './durations.ts';
import { NameStats } from './request-stats.ts';
import { judgeTotals, type RunTotals } from './threshold-eval.ts';
import { compare, parseThreshold, parseThresholdFlag, parseThresholds } from './thresholds.ts';

/** The slow reference: sort every sample, take the nearest rank. */
function referencePercentile(samples: number[], percentile: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

function totalsOf(samples: number[], failed = 0): RunTotals {
  const overall = new NameStats();
  for (const [i, ms] of samples.entries()) overall.record(ms, ms, { status: i < failed ? 500 : 200 });
  const iterations = {
    started: samples.length,
    completed: samples.length,
    failed: 0,
    dropped: 3,
    interrupted: 0,
  };
  return { overall, byName: new Map([['GET /x', overall]]), iterations, durationS: 10 };
}

describe('threshold grammar', { tags: ['unit', 'harness'] }, () => {
  test('parses k6 rules, tag filters with braces in the name, options and windows', () => {
    const parsed = parseThresholds({
      'http_req_duration{name:GET /v1/releases/{id}}': [
        'p(95)<50',
        { threshold: 'p(99.9) <= 200 over 10s', abortOnFail: true, delayAbortEval: '5s' },
      ],
      http_req_failed: ['rate<0.001'],
      dropped_iterations: ['count==0'],
    });
    expect(
      parsed.map((t) => [t.metric, t.name, t.aggregation, t.comparison, t.value, t.windowSeconds]),
    ).toEqual([
      ['http_req_duration', 'GET /v1/releases/{id}', { kind: 'percentile', percentile: 95 }, '<', 50, null],
      ['http_req_duration', 'GET /v1/releases/{id}', { kind: 'percentile', percentile: 99.9 }, '<=', 200, 10],
      ['http_req_failed', null, { kind: 'rate' }, '<', 0.001, null],
      ['dropped_iterations', null, { kind: 'count' }, '==', 0, null],
    ]);
    expect(parsed[1]).toMatchObject({ abortOnFail: true, delayAbortEvalMs: 5000 });
  });

  test.each([
    ['http_req_duration', 'p95<50', /does not parse/],
    ['http_req_duration', 'p(101)<50', /at most p\(100\)/],
    ['http_req_duration', 'rate<0.1', /takes avg, min, max, med, p\(N\)/],
    ['http_req_failed', 'p(95)<1', /takes rate/],
    ['http_req_latency', 'p(95)<1', /metric "http_req_latency" is unknown/],
    ['http_req_duration{status:200}', 'p(95)<1', /only the \{name:…\} tag/],
    ['http_req_duration', 'p(95)<1 over 1.5s', /whole seconds/],
    ['http_req_service_duration', 'p(95)<1 over 5s', /windows apply to http_req_duration/],
    ['http_reqs{name:GET /x}', 'count>1 over 5s', /drop the \{name:…\}/],
  ])('%s: %s is refused, naming the fix', (key, rule, message) => {
    expect(() => parseThreshold(key, rule)).toThrow(LoadConfigError);
    expect(() => parseThreshold(key, rule)).toThrow(message);
  });

  test('the --threshold flag splits at the last colon outside the tag', () => {
    expect(parseThresholdFlag('http_req_duration{name:GET /v1/x/{id}}: p(95)<50')).toEqual({
      key: 'http_req_duration{name:GET /v1/x/{id}}',
      rule: 'p(95)<50',
    });
    expect(() => parseThresholdFlag('p(95)<50')).toThrow(/does not parse/);
  });
});

describe('threshold evaluation', { tags: ['unit', 'harness'] }, () => {
  test('percentile thresholds agree with a sort-based reference (3 significant digits)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(50, 90, 95, 99, 99.9, 100),
        fc.double({ min: 0.001, max: 6000, noNaN: true }),
        fc.constantFrom('<', '<=', '>', '>='),
        (micros, percentile, bound, comparison) => {
          const samples = micros.map((us) => us / 1000);
          const reference = referencePercentile(samples, percentile);
          // HDR keeps 3 significant digits: a bound within 0.1% of the true value may fall either way.
          fc.pre(Math.abs(bound - reference) > reference * 0.001 + 0.001);
          const rule = `p(${percentile})${comparison}${bound}`;
          const outcome = judgeTotals(parseThreshold('http_req_duration', rule), totalsOf(samples));
          expect(outcome.ok).toBe(compare(reference, comparison as '<', bound));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('rate and count thresholds are exact', () => {
    const totals = totalsOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1);
    const judge = (key: string, rule: string) => judgeTotals(parseThreshold(key, rule), totals);
    expect(judge('http_req_failed', 'rate<0.1')).toMatchObject({ ok: false, observed: 0.1 });
    expect(judge('http_req_failed', 'rate<=0.1')).toMatchObject({ ok: true, observed: 0.1 });
    expect(judge('http_reqs', 'count==10')).toMatchObject({ ok: true, observed: 10 });
    expect(judge('http_reqs', 'rate>=1')).toMatchObject({ ok: true, observed: 1 });
    expect(judge('dropped_iterations', 'count==0')).toMatchObject({ ok: false, observed: 3 });
    expect(judge('http_req_duration{name:GET /y}', 'p(95)<1000')).toMatchObject({
      ok: false,
      observed: null,
    });
  });
});
