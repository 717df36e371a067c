import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runFolder } from './report.ts';
import { print } from './table.ts';
import { UsageError } from './usage-error.ts';

/** The desktop's opener, when there is a display to open on: `open` on macOS, `xdg-open` elsewhere. */
export function opener(platform = process.platform, env = process.env): string | null {
  if (platform === 'darwin') return 'open';
  if (platform === 'win32') return null;
  return env.DISPLAY || env.WAYLAND_DISPLAY ? 'xdg-open' : null;
}

/** `soundcheck open [run]`: opens a run's dashboard, or prints its file:// URL where nothing can open it. */
export async function openCommand(args: string[], env = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'report-dir': { type: 'string' } },
  });
  const page = path.join(runFolder(values['report-dir'] ?? 'reports', positionals[0]), 'index.html');
  if (!existsSync(page)) throw new UsageError(`${page} is missing; rebuild it with soundcheck report`);
  const url = pathToFileURL(page).href;
  const command = opener(process.platform, env);
  if (!command) {
    print(url);
    return 0;
  }
  const opened = await new Promise<boolean>((resolve) => {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
  print(opened ? `opened ${url}` : `${command} is not available; open ${url}`);
  return 0;
}
