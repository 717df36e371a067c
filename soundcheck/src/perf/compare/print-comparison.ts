import { table } from '../../cli/table.ts';
import type { ComparisonResult } from './comparison.ts';

const round = (value: number, digits = 3) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);
const pct = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '—');

/** The comparison as the terminal shows it: one row per endpoint, then the noise (A/A) and the verdict. */
export function formatComparison(result: ComparisonResult): string {
  const lines = [
    `${result.scenario}: ${result.candidate.label} (${result.candidate.commit.slice(0, 12)}) against ${result.baseline.label} (${result.baseline.commit.slice(0, 12)}), ${result.pairs} pairs`,
    `ratio = candidate / baseline of the median ${result.metric === 'cpu' ? 'API CPU time' : 'latency'} per request; α = ${result.gate.alpha} (Holm across ${result.endpoints.length} endpoints), minimum effect ${pct(result.gate.minEffect)}`,
    '',
    table(
      ['endpoint', 'pairs', 'ratio', '95% CI', 'p', 'p (Holm)', 'verdict'],
      result.endpoints.map((row) => [
        row.endpoint,
        row.validPairs,
        round(row.ratio),
        `${round(row.ciLow) ?? '—'} – ${round(row.ciHigh) ?? '—'}`,
        round(row.p, 4),
        round(row.pAdjusted, 4),
        row.verdict,
      ]),
    ),
  ];
  if (result.noise) {
    lines.push(
      '',
      'A/A noise of this machine',
      table(
        ['endpoint', 'CV', 'sd of log ratio', 'smallest detectable change'],
        result.noise.map((row) => [row.endpoint, pct(row.cv), round(row.logRatioSd, 4), pct(row.detectable)]),
      ),
    );
  }
  const slower = result.endpoints.filter((row) => row.verdict === 'slower');
  const inconclusive = result.endpoints.filter((row) => row.verdict === 'inconclusive');
  lines.push('');
  if (slower.length) lines.push(`REGRESSION: ${slower.map((row) => row.endpoint).join(', ')}`);
  else if (inconclusive.length)
    lines.push(
      `inconclusive: too few valid pairs for ${inconclusive.map((row) => row.endpoint).join(', ')} (raise --pairs)`,
    );
  else lines.push('no significant regression');
  return lines.join('\n');
}
