import { execFileSync } from 'node:child_process';
import type { RunInfo } from '../report/run-result.ts';

function git(args: string[]): string | null {
  try {
    return (
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null
    );
  } catch {
    return null;
  }
}

/** The run's identity for the history: commit and branch from CI variables or git, the environment. */
export function runInfo(
  options: { id: string; seed: number; shard: string | null; target: string | null },
  env = process.env,
): RunInfo {
  return {
    id: options.id,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    commit: env.SOUNDCHECK_COMMIT || env.GITHUB_SHA || env.CI_COMMIT_SHA || git(['rev-parse', 'HEAD']),
    branch:
      env.SOUNDCHECK_BRANCH ||
      env.GITHUB_REF_NAME ||
      env.CI_COMMIT_REF_NAME ||
      git(['rev-parse', '--abbrev-ref', 'HEAD']),
    seed: options.seed,
    environment:
      env.SOUNDCHECK_ENVIRONMENT || (options.target ? new URL(options.target).host : env.CI ? 'ci' : 'local'),
    shard: options.shard,
    verdict: 'running',
  };
}
