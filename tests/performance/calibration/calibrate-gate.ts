// npm run perf:calibrate — the regression gate's power and false-alarm rate on this machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { perfAdmin } from 'soundcheck/perf/compare/api-under-test.ts';
import { checkoutRef } from 'soundcheck/perf/compare/checkout.ts';
import { type ComparisonResult, runComparison } from 'soundcheck/perf/compare/comparison.ts';
import { formatComparison } from 'soundcheck/perf/compare/print-comparison.ts';
import { scenarioDriver } from 'soundcheck/perf/compare/scenario-driver.ts';
import { defaultGate } from 'soundcheck/perf/stats/paired-comparison.ts';
import { resampledVerdicts } from './resample.ts';
import { plantSlowdown } from './slowdown-patch.ts';

const pairs = Number(process.env.CALIBRATION_PAIRS ?? 30);
const trial = process.env.CALIBRATION_TRIAL ?? '3s';
const metric = process.env.CALIBRATION_METRIC === 'latency' ? 'latency' : 'cpu';
const slowedRoute = 'GET /v1/releases/{id}';
const repo = process.cwd();
const log = (line: string) => process.stdout.write(`${line}\n`);
Object.assign(process.env, {
  BOOTSTRAP_ADMIN_EMAIL: perfAdmin.email,
  BOOTSTRAP_ADMIN_PASSWORD: perfAdmin.password,
});
const driver = await scenarioDriver(path.join(repo, 'tests/performance/scenarios/reference-reads.ts'), trial);

const median = (xs: number[]) => {
  const sorted = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function compare(candidateSpinMicros: number | null): Promise<ComparisonResult> {
  const baseline = await checkoutRef(repo, 'HEAD', log);
  const candidate = candidateSpinMicros === null ? baseline : await checkoutRef(repo, 'HEAD', log);
  try {
    if (candidateSpinMicros !== null) plantSlowdown(candidate.dir, candidateSpinMicros);
    return await runComparison({
      baseline,
      candidate:
        candidateSpinMicros === null
          ? baseline
          : { ...candidate, label: `HEAD + ${candidateSpinMicros} µs busy work` },
      pairs,
      aa: candidateSpinMicros === null,
      gate: defaultGate,
      metric,
      driver,
      log,
    });
  } finally {
    await baseline.dispose();
    if (candidate !== baseline) await candidate.dispose();
  }
}

log(`▸ A/A: ${pairs} pairs of ${trial} trials`);
const aa = await compare(null);
log(formatComparison(aa));
const routeMs = median([...(aa.trials.find((t) => t.endpoint === slowedRoute)?.baseline ?? [])]);
const spin = Math.round(routeMs * 100); // 10 % of the route's median, in µs
log(`\n▸ slowed: ${slowedRoute} median ${routeMs.toFixed(3)} ms → ${spin} µs of busy work (+10%)`);
const slowed = await compare(spin);
log(formatComparison(slowed));

const flagged = (verdict: string | undefined) => verdict === 'slower' || verdict === 'faster';
const aaDraws = resampledVerdicts(aa.trials, 10, 100, defaultGate, 1);
const aaAlarms = aaDraws.filter((draw) => [...draw.values()].some(flagged)).length;
const powerDraws = resampledVerdicts(slowed.trials, 10, 10, defaultGate, 2);
const caught = powerDraws.filter((draw) => draw.get(slowedRoute) === 'slower').length;
const wideDraws = resampledVerdicts(slowed.trials, 10, 1000, defaultGate, 3);
const wideCaught = wideDraws.filter((draw) => draw.get(slowedRoute) === 'slower').length;
const bystanders = wideDraws.filter((draw) =>
  [...draw].some(([e, v]) => e !== slowedRoute && flagged(v)),
).length;
const summary = {
  pairsRecorded: pairs,
  trial,
  slowedRoute,
  spinMicros: spin,
  measuredRatio: slowed.endpoints.find((e) => e.endpoint === slowedRoute)?.ratio ?? null,
  falseAlarms: { draws: 100, flagged: aaAlarms },
  power: { draws: 10, caught },
  powerWide: { draws: 1000, caught: wideCaught, bystandersFlagged: bystanders },
};
log(
  `\ncalibration (draws of 10 pairs out of the ${pairs} recorded, without replacement):\n` +
    `  A/A: ${aaAlarms}/100 draws flagged an endpoint (goal ≤ 1)\n` +
    `  slowed ${slowedRoute} by ${((summary.measuredRatio ?? 1) * 100 - 100).toFixed(1)}%: caught in ${caught}/10 draws (goal ≥ 9), ${wideCaught}/1000 of a wider resample; other endpoints flagged in ${bystanders}/1000`,
);
const dir = path.join(repo, 'reports', 'perf-calibration');
mkdirSync(dir, { recursive: true });
writeFileSync(
  path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
  `${JSON.stringify({ summary, aa, slowed }, null, 2)}\n`,
);
process.exitCode = aaAlarms <= 1 && caught >= 9 ? 0 : 1;
