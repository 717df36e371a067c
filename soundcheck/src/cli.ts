import { runCommand, UsageError } from './cli/run-command.ts';

const verbs: Record<string, { summary: string; main: (args: string[]) => Promise<number> }> = {
  run: {
    summary: 'a full QA run: every category, coverage, reports, history',
    main: (args) => runCommand(args, { coverage: true }),
  },
  test: {
    summary: "the project's test command (every category but the long load tests)",
    main: (args) => runCommand(args),
  },
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
