import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startVitest } from 'vitest/node';
import { checkServices } from '../services/health.ts';
import { phase } from './phases.ts';
import { ProgressReporter, type Tally } from './progress-reporter.ts';
import { createRunFolder, newRunId } from './run-folder.ts';

export const allCategories = ['unit', 'integration', 'e2e', 'security', 'performance'] as const;
export type Category = (typeof allCategories)[number];

export interface RunOptions {
  categories: Category[];
  /** Vitest tag expressions (`auth && !slow`); several are or-ed. */
  tags: string[];
  /** Black-box mode: the base URL of a deployment. */
  target: string | null;
  /** `i/n`: this machine runs the i-th of n shards. */
  shard: string | null;
  reportDir: string;
  seed: number;
  strict: boolean;
}

export interface RunOutcome {
  runId: string;
  folder: string;
  tally: Tally;
  ok: boolean;
}

async function preflight(strict: boolean): Promise<void> {
  const statuses = await checkServices();
  for (const status of statuses) {
    process.stdout.write(
      status.ok ? `  ✓ ${status.name} at ${new URL(status.url).host}\n` : `  ! ${status.reason}\n`,
    );
  }
  const missing = statuses.filter((status) => !status.ok);
  if (missing.length && strict)
    throw new Error('SOUNDCHECK_STRICT=1 needs every service; start the ones named above');
  if (missing.length)
    process.stdout.write('  → running with the embedded stand-ins; tests that need the real service skip\n');
}

/** One QA run: pre-test checks, the selected categories in Vitest, the run folder, the verdict. */
export async function run(options: RunOptions): Promise<RunOutcome> {
  const runId = newRunId();
  const folder = createRunFolder(options.reportDir, runId);
  process.stdout.write(
    `soundcheck run ${runId} — seed ${options.seed} (replay with --seed ${options.seed})\n`,
  );
  Object.assign(process.env, {
    SOUNDCHECK_SEED: String(options.seed),
    SOUNDCHECK_RUN_ID: runId,
    SOUNDCHECK_RUN_DIR: folder,
    SOUNDCHECK_QUIET: '1',
    ...(options.strict ? { SOUNDCHECK_STRICT: '1' } : {}),
    ...(options.target ? { SOUNDCHECK_TARGET: options.target } : {}),
  });

  await phase('pre-test setup: configuration and services', () =>
    options.target ? Promise.resolve() : preflight(options.strict),
  );

  const progress = new ProgressReporter();
  const vitest = await phase(`execution: ${options.categories.join(', ')}`, async () => {
    const instance = await startVitest(
      'test',
      [],
      {
        run: true,
        watch: false,
        project: options.categories,
        ...(options.tags.length ? { tagsFilter: options.tags } : {}),
        ...(options.shard ? { shard: options.shard } : {}),
        reporters: [
          progress,
          ['junit', { outputFile: path.join(folder, 'junit.xml') }],
          ['json', { outputFile: path.join(folder, 'results.json') }],
        ],
      },
      {},
    );
    await instance.close();
    return instance;
  });

  const failedToRun = vitest.state.getUnhandledErrors().length > 0 || (process.exitCode ?? 0) !== 0;
  const { tally } = progress;
  writeFileSync(
    path.join(folder, 'summary.json'),
    `${JSON.stringify({ runId, seed: options.seed, ...tally }, null, 2)}\n`,
  );
  process.stdout.write(`reports: ${path.relative(process.cwd(), folder)}\n`);
  const ok = tally.failed === 0 && !failedToRun;
  return { runId, folder, tally, ok };
}
