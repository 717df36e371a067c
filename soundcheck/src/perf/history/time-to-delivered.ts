import type { PerfFigure } from './perf-figures.ts';

/** What a time-to-delivered figure is of: a partner kind (distribute → its delivery uploaded), or the release. */
export type DeliveredKind = 'sftp' | 's3' | 'release';

const r1 = (value: number) => Math.round(value * 10) / 10;

/** The nearest-rank percentile of sorted values (the value at or above which `1 - q` of them lie). */
export function nearestRank(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('no values');
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

/**
 * Time-to-delivered as a distribution per kind (milliseconds, from the distribute request's start), as the
 * delivery scenario observes it: the history gets `perf_time_to_delivered_{p50,p95,p99}_ms` and
 * `perf_time_to_delivered_count` per kind, under `<prefix><kind>` labels.
 */
export class TimeToDelivered {
  readonly #values = new Map<DeliveredKind, number[]>();

  add(kind: DeliveredKind, ms: number): void {
    const values = this.#values.get(kind) ?? [];
    values.push(ms);
    this.#values.set(kind, values);
  }

  count(kind: DeliveredKind): number {
    return this.#values.get(kind)?.length ?? 0;
  }

  percentiles(kind: DeliveredKind): { p50: number; p95: number; p99: number } | undefined {
    const values = [...(this.#values.get(kind) ?? [])].sort((a, b) => a - b);
    if (values.length === 0) return undefined;
    return {
      p50: r1(nearestRank(values, 0.5)),
      p95: r1(nearestRank(values, 0.95)),
      p99: r1(nearestRank(values, 0.99)),
    };
  }

  /** The figures for the history; `prefix` keeps one run's smoke and load series apart. */
  history(prefix = ''): PerfFigure[] {
    return [...this.#values.keys()].flatMap((kind) => {
      const p = this.percentiles(kind);
      if (!p) return [];
      const label = `${prefix}${kind}`;
      return [
        { name: 'perf_time_to_delivered_p50_ms', label, value: p.p50 },
        { name: 'perf_time_to_delivered_p95_ms', label, value: p.p95 },
        { name: 'perf_time_to_delivered_p99_ms', label, value: p.p99 },
        { name: 'perf_time_to_delivered_count', label, value: this.count(kind) },
      ];
    });
  }

  /** The dashboard's lines: p95 per kind. */
  metrics(): Array<{ name: string; value: number; unit: string }> {
    return [...this.#values.keys()].flatMap((kind) => {
      const p = this.percentiles(kind);
      return p ? [{ name: `time-to-delivered ${kind} p95`, value: p.p95, unit: 'ms' }] : [];
    });
  }

  /** One line: p50 / p95 / p99 (n) per kind. */
  summary(): string {
    return [...this.#values.keys()]
      .map((kind) => {
        const p = this.percentiles(kind);
        return p ? `${kind} ${p.p50} / ${p.p95} / ${p.p99} ms (n=${this.count(kind)})` : `${kind} none`;
      })
      .join('; ');
  }
}
