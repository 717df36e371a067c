import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../user-error.ts';

/** Node's and pg's codes for a service that is not there, or will not let us in. */
const unreachable = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '28P01',
  '3D000',
]);

/** A user error in a failure from below (a service down, a port taken), or null for a bug of ours. */
function userProblem(error: unknown): string | null {
  if (error instanceof UserError) return error.message;
  const { code, message } = error as NodeJS.ErrnoException;
  if (code?.startsWith('ERR_PARSE_ARGS')) return `${message}; --help lists the options`;
  if (code === 'EADDRINUSE') return `${message}: the port is taken; choose another with --port`;
  if (code && unreachable.has(code))
    return `${message}: start the service, or fix the URL (SOUNDCHECK_HISTORY_URL, DATABASE_URL, REDIS_URL)`;
  return null;
}

/**
 * How a verb's failure reaches the user: a user error in one line (exit 2), anything else as "internal
 * error" with the stack written to a log file (exit 1); `--debug` prints the stack as well.
 */
export function reportFailure(verb: string, error: unknown, debug: boolean): number {
  const stack = (error as Error).stack ?? String(error);
  const problem = userProblem(error);
  if (problem !== null) {
    process.stderr.write(`soundcheck ${verb}: ${problem}\n${debug ? `${stack}\n` : ''}`);
    return 2;
  }
  const logs = path.resolve('.soundcheck', 'logs');
  const log = path.join(logs, `${new Date().toISOString().replace(/[:.]/g, '-')}-${verb}.log`);
  mkdirSync(logs, { recursive: true });
  writeFileSync(log, `soundcheck ${verb} ${process.argv.slice(3).join(' ')}\n${stack}\n`);
  process.stderr.write(
    `soundcheck ${verb}: internal error: ${(error as Error).message}; details in ${log} (please report it)\n${debug ? `${stack}\n` : ''}`,
  );
  return 1;
}
