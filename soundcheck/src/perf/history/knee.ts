import type { TimePoint } from '../../load/index.ts';

export interface Knee {
  /** Target rate (it/s) of the first second past the knee; null when the ramp never broke. */
  rate: number | null;
  second: number | null;
  /** p99 of the calm start the knee is judged against. */
  baselineP99: number;
  curve: Array<{ second: number; rate: number; p99: number | null; errorRate: number }>;
}

/**
 * The knee of a ramp: the first second whose p99 exceeds `factor` × the calm start's p99 (and by at least
 * `minExtraMs`) or whose error rate passes `maxErrorRate`, confirmed by the next second too (one slow second
 * on a shared machine is not a knee).
 */
export function findKnee(
  series: readonly TimePoint[],
  { calmSeconds = 5, factor = 3, minExtraMs = 50, maxErrorRate = 0.01 } = {},
): Knee {
  const curve = series.map((point) => ({
    second: point.second,
    rate: point.targetRate ?? point.achievedRate,
    p99: point.p99,
    errorRate: point.requests ? point.errors / point.requests : 0,
  }));
  const calm = curve.slice(0, calmSeconds).flatMap((point) => (point.p99 === null ? [] : [point.p99]));
  const baselineP99 = calm.length ? calm.sort((a, b) => a - b)[Math.floor(calm.length / 2)]! : 0;
  const broken = (point: (typeof curve)[number] | undefined) =>
    point !== undefined &&
    (point.errorRate > maxErrorRate ||
      (point.p99 !== null && point.p99 > Math.max(baselineP99 * factor, baselineP99 + minExtraMs)));
  const at = curve.findIndex((point, i) => i >= calmSeconds && broken(point) && broken(curve[i + 1]));
  return {
    rate: at < 0 ? null : curve[at]!.rate,
    second: at < 0 ? null : curve[at]!.second,
    baselineP99,
    curve,
  };
}
