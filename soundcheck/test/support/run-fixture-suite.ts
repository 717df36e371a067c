// Runs a fixture suite (`fixtures/<argv[3]>`, default `reporter-suite`) through Vitest with Soundcheck's
// reporter and writes a run folder into argv[2], without history: what the reporter's end-to-end test inspects. Like a real
// run, it pushes to SOUNDCHECK_PUSHGATEWAY_URL when that is set.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { collectMetrics } from '../../src/metrics/collector.ts';
import { ResultsReporter } from '../../src/reporter/results-reporter.ts';
import { tallyOf } from '../../src/reporter/test-record.ts';
import { publishRun } from '../../src/runner/publish-run.ts';

const folder = process.argv[2];
if (!folder) throw new Error('usage: run-fixture-suite.ts <run folder> [fixture suite]');
const configs: Record<string, URL> = {
  'reporter-suite': new URL('../fixtures/reporter-suite/vitest.config.ts', import.meta.url),
  'delivery-suite': new URL('../fixtures/delivery-suite/vitest.config.ts', import.meta.url),
};
const suite = process.argv[3] ?? 'reporter-suite';
const configUrl = configs[suite];
if (!configUrl) throw new Error(`no fixture suite ${suite}; choose from ${Object.keys(configs).join(', ')}`);
const config = fileURLToPath(configUrl);
const root = path.dirname(config);
const reporter = new ResultsReporter({ root });
const vitest = await startVitest('test', [], { run: true, watch: false, config, reporters: [reporter] }, {});
await vitest.close();
const tally = tallyOf(reporter.records);
await publishRun(
  folder,
  {
    run: {
      id: 'fixture-run',
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      commit: null,
      branch: null,
      seed: null,
      environment: 'fixture',
      shard: null,
      verdict: tally.failed ? 'failed' : 'passed',
    },
    tally,
    tests: reporter.records,
    metrics: collectMetrics(reporter.records),
  },
  null,
  (line) => process.stdout.write(`${line}\n`),
);
process.exitCode = 0;
