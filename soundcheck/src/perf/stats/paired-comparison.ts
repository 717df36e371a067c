import { holmAdjust } from './holm.ts';
import { hodgesLehmann, signedRankTest, smallestAttainableP } from './wilcoxon.ts';

/** One endpoint's figure (a latency, in any unit) per trial pair; NaN marks a trial that did not count. */
export interface EndpointPairs {
  endpoint: string;
  baseline: readonly number[];
  candidate: readonly number[];
}

export interface GateOptions {
  /** Family-wise significance level across endpoints (Holm). */
  alpha: number;
  /** The smallest relative change worth a verdict: 0.05 = 5 %. */
  minEffect: number;
  /** Level of the ratio's confidence interval. */
  confidence: number;
}

export const defaultGate: GateOptions = { alpha: 0.01, minEffect: 0.05, confidence: 0.95 };

export type Verdict = 'faster' | 'slower' | 'same' | 'inconclusive';

export interface EndpointComparison {
  endpoint: string;
  /** Pairs where both sides gave a valid figure. */
  validPairs: number;
  /** candidate / baseline: the Hodges–Lehmann centre of the log ratios, exponentiated. */
  ratio: number;
  ciLow: number;
  ciHigh: number;
  p: number;
  /** p after Holm's correction across the endpoints compared. */
  pAdjusted: number;
  verdict: Verdict;
}

function logRatios(pairs: EndpointPairs): number[] {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(pairs.baseline.length, pairs.candidate.length); i++) {
    const a = pairs.baseline[i]!;
    const b = pairs.candidate[i]!;
    if (Number.isFinite(a) && Number.isFinite(b) && a > 0 && b > 0) ratios.push(Math.log(b / a));
  }
  return ratios;
}

/**
 * The regression gate's judgement, per endpoint: a paired Wilcoxon signed-rank test on log(candidate /
 * baseline), Holm-corrected across endpoints, and a minimum effect. An endpoint whose valid pairs are too
 * few for even a unanimous result to reach significance after the correction is "inconclusive", never
 * "same".
 */
export function comparePaired(
  endpoints: readonly EndpointPairs[],
  options: GateOptions = defaultGate,
): EndpointComparison[] {
  const measured = endpoints.map((pairs) => {
    const ratios = logRatios(pairs);
    return { pairs, ratios, test: signedRankTest(ratios), centre: hodgesLehmann(ratios, options.confidence) };
  });
  const adjusted = holmAdjust(measured.map((m) => m.test.p));
  const family = endpoints.length;
  return measured.map(({ pairs, ratios, test, centre }, i): EndpointComparison => {
    const ratio = Math.exp(centre.estimate);
    const pAdjusted = adjusted[i]!;
    const decidable = smallestAttainableP(ratios.length) * family <= options.alpha;
    let verdict: Verdict = 'same';
    if (!decidable) verdict = 'inconclusive';
    else if (pAdjusted <= options.alpha && ratio >= 1 + options.minEffect) verdict = 'slower';
    else if (pAdjusted <= options.alpha && ratio <= 1 / (1 + options.minEffect)) verdict = 'faster';
    return {
      endpoint: pairs.endpoint,
      validPairs: ratios.length,
      ratio,
      ciLow: Math.exp(centre.low),
      ciHigh: Math.exp(centre.high),
      p: test.p,
      pAdjusted,
      verdict,
    };
  });
}

/** The fewest pairs for which a unanimous result can be significant across `endpoints` endpoints. */
export function pairsNeeded(endpoints: number, alpha = defaultGate.alpha): number {
  let n = 1;
  while (smallestAttainableP(n) * endpoints > alpha) n++;
  return n;
}
