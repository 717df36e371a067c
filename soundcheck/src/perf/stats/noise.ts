import { normalQuantile } from './distributions.ts';
import { defaultGate, type EndpointPairs, type GateOptions, pairsNeeded } from './paired-comparison.ts';

export interface EndpointNoise {
  endpoint: string;
  /** Coefficient of variation of the per-trial figure, over every valid trial of both sides. */
  cv: number;
  /** Standard deviation of the paired log ratios. */
  logRatioSd: number;
  /**
   * The smallest relative change the gate would flag with 90 % power at these settings, never below the
   * minimum effect; Infinity when there are too few pairs for any verdict.
   */
  detectable: number;
}

const sd = (xs: readonly number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
};

/**
 * The machine's noise as an A/A comparison shows it. The detectable effect uses the paired t-test's
 * normal approximation, widened by √(π/3) for the signed-rank test's efficiency under normality
 * (its asymptotic relative efficiency is 3/π), at the Bonferroni level α/k that Holm starts from.
 */
export function noiseReport(
  endpoints: readonly EndpointPairs[],
  options: GateOptions = defaultGate,
): EndpointNoise[] {
  const family = endpoints.length;
  return endpoints.map((pairs) => {
    const values = [...pairs.baseline, ...pairs.candidate].filter((v) => Number.isFinite(v) && v > 0);
    const logRatios: number[] = [];
    for (let i = 0; i < Math.min(pairs.baseline.length, pairs.candidate.length); i++) {
      const a = pairs.baseline[i]!;
      const b = pairs.candidate[i]!;
      if (Number.isFinite(a) && Number.isFinite(b) && a > 0 && b > 0) logRatios.push(Math.log(b / a));
    }
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const ratioSd = sd(logRatios);
    const n = logRatios.length;
    const zAlpha = normalQuantile(1 - options.alpha / (2 * family));
    const zPower = normalQuantile(0.9);
    const shift = ((zAlpha + zPower) * ratioSd * Math.sqrt(Math.PI / 3)) / Math.sqrt(Math.max(n, 1));
    return {
      endpoint: pairs.endpoint,
      cv: values.length > 1 ? sd(values) / mean : Number.NaN,
      logRatioSd: ratioSd,
      detectable:
        n < pairsNeeded(family, options.alpha)
          ? Number.POSITIVE_INFINITY
          : Math.max(options.minEffect, Math.exp(shift) - 1),
    };
  });
}
