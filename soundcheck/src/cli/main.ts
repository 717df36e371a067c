import { reportFailure } from './failure.ts';
import { overallHelp, verbHelp, verbs } from './verbs.ts';

/** The whole CLI for one argument list: writes to stdout/stderr and returns the exit code (cli.ts sets it). */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...args] = argv.filter((arg) => arg !== '--debug');
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(overallHelp());
    return name ? 0 : 2;
  }
  const verb = verbs[name];
  if (!verb) {
    process.stderr.write(`soundcheck: unknown verb "${name}"; soundcheck --help lists them\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(await verbHelp(name, verb));
    return 0;
  }
  try {
    return await verb.main(args);
  } catch (error) {
    return reportFailure(name, error, debug);
  }
}
