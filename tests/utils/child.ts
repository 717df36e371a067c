import { type ChildProcess, spawn } from 'node:child_process';

/**
 * When a start counts as hung rather than slow. Tests wait on a process's own readiness line, so this only
 * bounds a process that never gets there; an API start on a 2-core machine whose cores are both busy has
 * been seen at about 50 s (most of it imports and PGlite; the cached templates already spare initdb).
 */
export const PROCESS_START_LIMIT_MS = 90_000;

/** The time limit of a test that starts `starts` processes one after another, then does `workMs` of work. */
export const processTestTimeout = (starts = 1, workMs = 30_000) => starts * PROCESS_START_LIMIT_MS + workMs;

export interface Child {
  process: ChildProcess;
  output: () => string;
  /** Resolves once the child printed a line matching `pattern`. */
  printed(pattern: RegExp, timeoutMs?: number): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * A child process whose stdout and stderr are collected: by default a Node script run with the project's
 * Node (type stripping), or with `{ node: false }` any program.
 */
export function startChild(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  options: { node?: boolean } = {},
): Child {
  const [command, argv] = options.node === false ? [script, args] : [process.execPath, [script, ...args]];
  const child = spawn(command, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  // A program that cannot start (not installed) ends like one that exits: the waiters see it, nothing throws.
  child.on('error', (error) => {
    output += `\n[cannot start ${command}: ${error.message}]\n`;
    child.emit('exit', null, null);
  });
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    output: () => output,
    printed(pattern, timeoutMs = PROCESS_START_LIMIT_MS) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (!match) return;
          cleanup();
          resolve(match[0]);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`child did not print ${pattern} within ${timeoutMs} ms; output:\n${output}`));
        }, timeoutMs);
        const onExit = () => {
          cleanup();
          reject(new Error(`child exited before printing ${pattern}; output:\n${output}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', onExit);
        };
        listeners.add(check);
        child.once('exit', onExit);
        check();
      });
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
