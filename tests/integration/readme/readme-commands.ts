import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { verbs } from 'soundcheck/cli/verbs.ts';
import { repoRoot } from './readme-blocks.ts';

const scripts: Record<string, string> = JSON.parse(
  readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
).scripts;

async function usageOf(verb: string): Promise<string> {
  const usage = verbs[verb]?.usage;
  return typeof usage === 'function' ? usage() : (usage ?? '');
}

/**
 * Why a README command would not work here, or null when it would: every npm script, `soundcheck` verb
 * and option, and file it names must exist. Placeholders the README uses (`<this repository>`, `URL`)
 * are arguments, never checked.
 */
export async function unresolved([program, ...args]: string[]): Promise<string | null> {
  if (program === 'git' && args[0] === 'clone') return null;
  if (program === 'cd') return null;
  if (program === 'node') return existsSync(path.join(repoRoot, args[0] ?? '')) ? null : `no file ${args[0]}`;
  if (program === 'npm') {
    if (['install', 'ci', 'start', 'test'].includes(args[0] ?? '')) return null;
    if (args[0] === 'run') return args[1] && scripts[args[1]] ? null : `no npm script "${args[1]}"`;
    return `npm ${args[0]} is not a command the README should need`;
  }
  if (program === 'npx' && args[0] === 'vitest') {
    const target = args.at(-1) ?? '';
    return args[1] !== 'run' || existsSync(path.join(repoRoot, target)) ? null : `no test path ${target}`;
  }
  if (program === 'npx' && args[0] === 'soundcheck') {
    const verb = args[1] ?? '';
    if (!verbs[verb]) return `no soundcheck verb "${verb}"`;
    const usage = await usageOf(verb);
    const unknown = args.filter((arg) => arg.startsWith('--') && !usage.includes(arg.split('=')[0]!));
    return unknown.length ? `soundcheck ${verb} --help does not list ${unknown.join(', ')}` : null;
  }
  return `${program}: not a command of this project`;
}
