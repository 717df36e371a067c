import { parseDuration, runLoad, type Scenario } from 'soundcheck/load/index.ts';
import { writePerfSection } from 'soundcheck/perf/history/load-section.ts';
import { judgeSoak, processFigures, type SoakSample } from 'soundcheck/perf/stats/soak-bounds.ts';
import referenceReads from '../scenarios/reference-reads.ts';
import { describe, expect, test } from '../support/perf-test.ts';

const duration = process.env.SOUNDCHECK_SOAK_DURATION ?? '60s';
const rate = Number(process.env.SOUNDCHECK_SOAK_RATE ?? 10);
const bounds = {
  warmupS: 10,
  rssGrowthMiB: Number(process.env.SOUNDCHECK_SOAK_RSS_GROWTH_MIB ?? 32),
  eldGrowthMs: Number(process.env.SOUNDCHECK_SOAK_ELD_GROWTH_MS ?? 30),
};
/** Seconds between scrapes of /metrics: each scrape is one window of event-loop delay. */
const EVERY_S = 5;

async function scrape(target: string) {
  const response = await fetch(new URL('/metrics', target));
  return response.ok ? processFigures(await response.text()) : undefined;
}

describe('soak-lite: a minute at a constant rate', {
  tags: ['performance', 'long', 'slow'],
  timeout: 240_000,
}, () => {
  test('the API’s RSS and event-loop delay do not grow past their bounds', async ({ loadTarget, skip }) => {
    // Also starts the delay's first window: prom-client resets the histogram at each scrape.
    if (!(await scrape(loadTarget)))
      return skip(
        'the target’s /metrics has no process_resident_memory_bytes and nodejs_eventloop_lag_p99_seconds',
      );
    const samples: SoakSample[] = [];
    const scrapes: Array<Promise<void>> = [];
    const result = await runLoad(
      {
        ...(referenceReads as Scenario<unknown>),
        executor: { type: 'constant-arrival-rate', rate, duration, maxVUs: 50 },
      },
      {
        target: loadTarget,
        maxRequests: 200_000,
        onSecond: (point) => {
          const second = point.second + 1;
          if (second % EVERY_S === 0)
            scrapes.push(
              scrape(loadTarget).then((figures) => {
                if (figures) samples.push({ second, ...figures });
              }),
            );
        },
      },
    );
    await Promise.all(scrapes);
    const seconds = parseDuration(duration, 'SOUNDCHECK_SOAK_DURATION') / 1000;
    // The run's last second ends with the run: its window is scraped once the load is done.
    const last = await scrape(loadTarget);
    if (last && !samples.some((sample) => sample.second >= seconds))
      samples.push({ second: seconds, ...last });
    const verdict = judgeSoak(samples, bounds);
    const { summary } = result;
    writePerfSection('soak-reference-reads', {
      title: `soak-lite: reference-reads at ${rate}/s for ${seconds} s`,
      verdict: verdict.failures.length ? 'failed' : 'passed',
      summary: `RSS ${verdict.rssEarlyMiB} → ${verdict.rssLateMiB} MiB (bound +${bounds.rssGrowthMiB}), event-loop delay p99 ${verdict.eldEarlyMs} → ${verdict.eldLateMs} ms (bound +${bounds.eldGrowthMs}); ${summary.overall.requests} requests, p95 ${Math.round(summary.overall.service.p95 * 10) / 10} ms${verdict.failures.length ? `; ${verdict.failures.join('; ')}` : ''}`,
      metrics: [
        {
          name: 'RSS growth',
          value: Math.round((verdict.rssLateMiB - verdict.rssEarlyMiB) * 10) / 10,
          unit: 'MiB',
          budget: bounds.rssGrowthMiB,
        },
        {
          name: 'event-loop delay p99 growth',
          value: Math.round((verdict.eldLateMs - verdict.eldEarlyMs) * 10) / 10,
          unit: 'ms',
          budget: bounds.eldGrowthMs,
        },
      ],
      history: [
        { name: 'perf_soak_rss_early_mib', label: 'reference-reads', value: verdict.rssEarlyMiB },
        { name: 'perf_soak_rss_late_mib', label: 'reference-reads', value: verdict.rssLateMiB },
        { name: 'perf_soak_eld_p99_early_ms', label: 'reference-reads', value: verdict.eldEarlyMs },
        { name: 'perf_soak_eld_p99_late_ms', label: 'reference-reads', value: verdict.eldLateMs },
      ],
    });
    expect(summary.iterations.failed, JSON.stringify(summary.iterationErrors)).toBe(0);
    expect(samples.length, 'one sample per window').toBe(Math.floor(seconds / EVERY_S));
    expect(verdict.failures, JSON.stringify(samples)).toEqual([]);
  });
});
