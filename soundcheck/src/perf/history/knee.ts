import type { TimePoint } from '../../load/index.ts';

export interface Knee {
  /** Target rate (it/s) of the first second past the knee; null when the ramp never broke. */
  rate: number | null;
  second: number | null;
  /** p99 of the calm start the knee is judged against. */
  baselineP99: number;
  curve: Array<{ second: number; rate: number; p99: number | null; errorRate: number }>;
}

export interface KneeOptions {
  calmSeconds?: number;
  factor?: number;
  minExtraMs?: number;
  maxErrorRate?: number;
}

type CurvePoint = Knee['curve'][number];

/**
 * Where a ramp's curve breaks: the index of the first point whose p99 exceeds `factor` × the calm start's
 * p99 (and by at least `minExtraMs`) or whose error rate passes `maxErrorRate`, confirmed by the next point
 * too (one slow second on a shared machine is not a knee); -1 when it never broke. The stress suite and the
 * dashboard's stress chart both judge by this.
 */
export function kneeIndex(
  curve: ReadonlyArray<Pick<CurvePoint, 'p99' | 'errorRate'>>,
  { calmSeconds = 5, factor = 3, minExtraMs = 50, maxErrorRate = 0.01 }: KneeOptions = {},
): { index: number; baselineP99: number } {
  const calm = curve.slice(0, calmSeconds).flatMap((point) => (point.p99 === null ? [] : [point.p99]));
  const baselineP99 = calm.length ? calm.sort((a, b) => a - b)[Math.floor(calm.length / 2)]! : 0;
  const broken = (point: (typeof curve)[number] | undefined) =>
    point !== undefined &&
    (point.errorRate > maxErrorRate ||
      (point.p99 !== null && point.p99 > Math.max(baselineP99 * factor, baselineP99 + minExtraMs)));
  const index = curve.findIndex((point, i) => i >= calmSeconds && broken(point) && broken(curve[i + 1]));
  return { index, baselineP99 };
}

/** The knee of a ramp's 1-second series (`kneeIndex` on its rate, p99 and error-rate curve). */
export function findKnee(series: readonly TimePoint[], options: KneeOptions = {}): Knee {
  const curve = series.map((point) => ({
    second: point.second,
    rate: point.targetRate ?? point.achievedRate,
    p99: point.p99,
    errorRate: point.requests ? point.errors / point.requests : 0,
  }));
  const { index: at, baselineP99 } = kneeIndex(curve, options);
  return {
    rate: at < 0 ? null : curve[at]!.rate,
    second: at < 0 ? null : curve[at]!.second,
    baselineP99,
    curve,
  };
}
