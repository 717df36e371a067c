import { NameStats } from './request-stats.ts';
import type { LoadResult, RequestStats } from './result-types.ts';
import { type RunLoadOptions, runLoad } from './run-load.ts';
import type { Scenario } from './types.ts';

/**
 * Several scenarios in one run, side by side (k6's `options.scenarios`): each with its own executor,
 * data, thresholds and connections, all started together. Ctrl-C stops them all; a threshold that
 * aborts one (abortOnFail, a failed window) stops the others too, as k6 aborts the whole test.
 */
export async function runScenarios(
  scenarios: Array<Scenario<unknown>>,
  options: RunLoadOptions & {
    onStartOf?: (scenario: Scenario<unknown>) => RunLoadOptions['onStart'];
    onSecondOf?: (scenario: string) => RunLoadOptions['onSecond'];
  },
): Promise<LoadResult[]> {
  const stop = new AbortController();
  options.stop?.addEventListener('abort', () => stop.abort(options.stop?.reason), { once: true });
  return Promise.all(
    scenarios.map(async (scenario) => {
      const onStart = options.onStartOf?.(scenario) ?? options.onStart;
      const onSecond = options.onSecondOf?.(scenario.name) ?? options.onSecond;
      const result = await runLoad(scenario, {
        ...options,
        stop: stop.signal,
        ...(onStart ? { onStart } : {}),
        ...(onSecond ? { onSecond } : {}),
      });
      const { aborted } = result.summary;
      if (aborted?.startsWith('threshold') && !stop.signal.aborted)
        stop.abort(`scenario ${scenario.name}: ${aborted}`);
      return result;
    }),
  );
}

/**
 * All scenarios' requests as one: counts summed and latency histograms added exactly (HDR), over
 * the longest scenario's measured time.
 */
export function combinedStats(results: LoadResult[]): RequestStats {
  const all = new NameStats();
  for (const { summary, histograms } of results)
    all.add({
      requests: summary.overall.requests,
      failed: summary.overall.failed,
      byStatusClass: summary.overall.errors.byStatusClass,
      byKind: summary.overall.errors.byKind,
      corrected: histograms.overall.corrected,
      service: histograms.overall.service,
    });
  return all.summarize('all scenarios', Math.max(0, ...results.map((r) => r.summary.durationS)));
}
