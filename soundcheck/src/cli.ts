import { compareCommand } from './cli/compare.ts';
import { flakyCommand } from './cli/flaky.ts';
import { historyCommand } from './cli/history.ts';
import { mergeCommand } from './cli/merge.ts';
import { reportCommand } from './cli/report.ts';
import { runCommand, UsageError } from './cli/run-command.ts';
import { serveCommand } from './cli/serve.ts';
import { shardsCommand } from './cli/shards.ts';
import { trendsCommand } from './cli/trends.ts';

const verbs: Record<string, { summary: string; main: (args: string[]) => Promise<number> }> = {
  run: {
    summary: 'a full QA run: every category, coverage, reports, history',
    main: (args) => runCommand(args, { coverage: true }),
  },
  test: {
    summary: "the project's test command (every category but the long load tests)",
    main: (args) => runCommand(args),
  },
  report: { summary: "rebuild a run's reports from its results.json [run id|folder]", main: reportCommand },
  history: { summary: 'the newest runs [--limit n]', main: historyCommand },
  flaky: { summary: 'flaky tests over the last runs [--window n]', main: flakyCommand },
  trends: {
    summary: 'pass rate, test time and slowdowns over the last runs [--runs n]',
    main: trendsCommand,
  },
  compare: {
    summary: 'what changed between two runs: compare <A> <B> (or previous latest)',
    main: compareCommand,
  },
  merge: { summary: 'combine shard run folders into one run', main: mergeCommand },
  shards: {
    summary: 'split the test files over n shards by their durations in the history',
    main: shardsCommand,
  },
  serve: { summary: 'the dashboard over the history and /metrics [--port 9464]', main: serveCommand },
};

function help(): string {
  const lines = Object.entries(verbs).map(([name, verb]) => `  ${name.padEnd(10)} ${verb.summary}`);
  return `usage: soundcheck <verb> [options]   (soundcheck <verb> --help for its options)\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  const verb = verbs[name];
  if (!verb) {
    process.stderr.write(`soundcheck: unknown verb "${name}"\n${help()}`);
    return 2;
  }
  try {
    return await verb.main(args);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`soundcheck ${name}: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
