/** One scrape of the API's /metrics during a soak: at `second` of the run, the window since the last scrape. */
export interface SoakSample {
  second: number;
  rssMiB: number;
  /** p99 of the event-loop delay over the window (perf_hooks.monitorEventLoopDelay), in ms. */
  eldP99Ms: number;
}

export interface SoakBounds {
  /** Seconds left out at the start: JIT, caches and pools filling are not growth. */
  warmupS: number;
  /** Most the RSS may grow, late third against early third of the rest (MiB). */
  rssGrowthMiB: number;
  /** Most the windows' event-loop delay p99 may grow, late third against early third (ms). */
  eldGrowthMs: number;
}

export interface SoakVerdict {
  rssEarlyMiB: number;
  rssLateMiB: number;
  eldEarlyMs: number;
  eldLateMs: number;
  /** What broke a bound, one line each; empty when both held. */
  failures: string[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const r1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Judges a soak's samples: after the warm-up, the median of the first third of the samples against the
 * median of the last third, for RSS and for the event-loop delay p99. Medians, so one window with a GC
 * pause or a neighbour's burst of CPU on a shared machine does not decide; a leak moves all of the last third.
 */
export function judgeSoak(samples: readonly SoakSample[], bounds: SoakBounds): SoakVerdict {
  const steady = samples.filter((sample) => sample.second > bounds.warmupS);
  const third = Math.floor(steady.length / 3);
  if (third < 1)
    throw new Error(`${steady.length} samples after the warm-up: too few to compare a start with an end`);
  const early = steady.slice(0, third);
  const late = steady.slice(-third);
  const verdict = {
    rssEarlyMiB: r1(median(early.map((s) => s.rssMiB))),
    rssLateMiB: r1(median(late.map((s) => s.rssMiB))),
    eldEarlyMs: r1(median(early.map((s) => s.eldP99Ms))),
    eldLateMs: r1(median(late.map((s) => s.eldP99Ms))),
  };
  const failures: string[] = [];
  const rssGrowth = r1(verdict.rssLateMiB - verdict.rssEarlyMiB);
  if (rssGrowth > bounds.rssGrowthMiB)
    failures.push(
      `RSS grew ${rssGrowth} MiB (${verdict.rssEarlyMiB} → ${verdict.rssLateMiB}), bound ${bounds.rssGrowthMiB} MiB`,
    );
  const eldGrowth = r1(verdict.eldLateMs - verdict.eldEarlyMs);
  if (eldGrowth > bounds.eldGrowthMs)
    failures.push(
      `event-loop delay p99 grew ${eldGrowth} ms (${verdict.eldEarlyMs} → ${verdict.eldLateMs}), bound ${bounds.eldGrowthMs} ms`,
    );
  return { ...verdict, failures };
}

/** RSS and event-loop delay p99 from Prometheus text, or undefined when the target does not expose them. */
export function processFigures(metrics: string): Omit<SoakSample, 'second'> | undefined {
  const value = (name: string) => {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(metrics);
    return match ? Number(match[1]) : undefined;
  };
  const rss = value('process_resident_memory_bytes');
  const eld = value('nodejs_eventloop_lag_p99_seconds');
  if (rss === undefined || eld === undefined) return undefined;
  return { rssMiB: r1(rss / 1024 ** 2), eldP99Ms: r1(eld * 1000) };
}
