import { type ChildProcess, spawn } from 'node:child_process';

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
    printed(pattern, timeoutMs = 20_000) {
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
