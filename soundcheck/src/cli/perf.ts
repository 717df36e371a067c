import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { perfAdmin } from '../perf/compare/api-under-test.ts';
import { checkoutRef, resolveRef, type SourceTree, workingTree } from '../perf/compare/checkout.ts';
import { runComparison } from '../perf/compare/comparison.ts';
import { GateSetupError } from '../perf/compare/gate-error.ts';
import { formatComparison } from '../perf/compare/print-comparison.ts';
import { scenarioDriver } from '../perf/compare/scenario-driver.ts';
import { defaultGate } from '../perf/stats/paired-comparison.ts';
import { UsageError } from './run-command.ts';
import { print } from './table.ts';

export const perfUsage = `usage: soundcheck perf compare <baseline-ref> [<candidate-ref>] [options]
  The candidate defaults to the working tree. Exit 1 on a significant regression, 2 when the comparison cannot run.
  --pairs <n>          ABBA trial pairs (default 10)
  --aa                 compare the baseline with itself: this machine's noise, per endpoint
  --scenario <file>    the trial scenario (default tests/performance/scenarios/reference-reads.ts)
  --trial <duration>   length of one trial pair (default 4s)
  --metric <m>         latency (default) or cpu: the API process's CPU time per request (Linux), which a
                       busy machine barely disturbs
  --alpha <p>          family-wise significance (default 0.01, Holm across endpoints)
  --min-effect <r>     smallest change worth a verdict (default 0.05 = 5%)
  --report-dir <dir>   where the comparison JSON goes (default reports)`;

function fraction(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!(parsed > 0 && parsed < 1)) throw new UsageError(`${name} takes a number between 0 and 1, e.g. 0.05`);
  return parsed;
}

/** `soundcheck perf compare …`: the paired A/B regression gate between two commits. */
export async function perfCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === undefined) {
    print(perfUsage);
    return sub ? 0 : 2;
  }
  if (sub !== 'compare')
    throw new UsageError(`unknown perf command "${sub}"; try: soundcheck perf compare <baseline-ref>`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      pairs: { type: 'string' },
      aa: { type: 'boolean' },
      scenario: { type: 'string' },
      trial: { type: 'string' },
      metric: { type: 'string' },
      alpha: { type: 'string' },
      'min-effect': { type: 'string' },
      'report-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    print(perfUsage);
    return 0;
  }
  const [baseRef, candidateRef, ...extra] = positionals;
  if (!baseRef || extra.length) throw new UsageError('takes <baseline-ref> [<candidate-ref>]; see --help');
  if (values.aa && candidateRef) throw new UsageError('--aa compares the baseline with itself: give one ref');
  const pairs = values.pairs === undefined ? 10 : Number(values.pairs);
  if (!Number.isInteger(pairs) || pairs < 2) throw new UsageError('--pairs takes a whole number ≥ 2');
  const gate = {
    alpha: fraction(values.alpha, defaultGate.alpha, '--alpha'),
    minEffect: fraction(values['min-effect'], defaultGate.minEffect, '--min-effect'),
    confidence: defaultGate.confidence,
  };
  const metric = values.metric ?? 'latency';
  if (metric !== 'latency' && metric !== 'cpu') throw new UsageError('--metric takes latency or cpu');
  const repo = process.cwd();
  const scenarioFile = path.resolve(
    repo,
    values.scenario ?? 'tests/performance/scenarios/reference-reads.ts',
  );
  const trialLength = values.trial ?? '4s';
  const log = (line: string) => process.stdout.write(`${line}\n`);
  // Scenarios sign in as the bootstrap admin of the API they drive (black-box style): ours, here.
  Object.assign(process.env, {
    BOOTSTRAP_ADMIN_EMAIL: perfAdmin.email,
    BOOTSTRAP_ADMIN_PASSWORD: perfAdmin.password,
  });
  const trees: SourceTree[] = [];
  try {
    // Every ref is checked before anything is built, so a typo costs nothing.
    await resolveRef(repo, baseRef);
    if (candidateRef) await resolveRef(repo, candidateRef);
    const driver = await scenarioDriver(scenarioFile, trialLength);
    log('▸ checking out and installing');
    const baseline = await checkoutRef(repo, baseRef, log);
    trees.push(baseline);
    let candidate = baseline;
    if (!values.aa) {
      candidate = candidateRef ? await checkoutRef(repo, candidateRef, log) : await workingTree(repo);
      trees.push(candidate);
    }
    const result = await runComparison({
      baseline,
      candidate,
      pairs,
      aa: values.aa === true,
      gate,
      driver,
      metric,
      log,
    });
    const dir = path.resolve(repo, values['report-dir'] ?? 'reports', 'perf-compare');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${result.finishedAt.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    print(`\n${formatComparison(result)}\ncomparison: ${path.relative(repo, file)}`);
    return result.endpoints.some((row) => row.verdict === 'slower') ? 1 : 0;
  } catch (error) {
    if (error instanceof GateSetupError) {
      process.stderr.write(`soundcheck perf compare: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    for (const tree of trees) await tree.dispose();
  }
}
