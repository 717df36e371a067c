import { connect, isIP } from 'node:net';
import { LoadConfigError } from './durations.ts';

const LOOPBACK_NAMES = new Set(['localhost', 'ip6-localhost']);

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (LOOPBACK_NAMES.has(host.toLowerCase()) || host.toLowerCase().endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host.startsWith('::ffff:127.');
  return false;
}

/** The target as a URL: http(s) only, and loopback unless `allowRemote` (load is traffic someone pays for). */
export function checkTarget(target: string, allowRemote: boolean): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new LoadConfigError(`"${target}" is not a URL; pass --target http://127.0.0.1:3000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new LoadConfigError(`the target must be http(s), not ${url.protocol}`);
  if (!allowRemote && !isLoopback(url.hostname))
    throw new LoadConfigError(
      `${url.host} is not loopback; load goes to 127.0.0.1 unless you pass --allow-remote (and own that service)`,
    );
  return url;
}

/** Resolves when a TCP connection to the target opens; a `LoadConfigError` naming the fix otherwise. */
export function ensureReachable(url: URL, timeoutMs = 3000): Promise<void> {
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port });
    const fail = (reason: string) => {
      socket.destroy();
      reject(
        new LoadConfigError(`cannot reach ${url.origin} (${reason}); start the service or fix --target`),
      );
    };
    socket.setTimeout(timeoutMs, () => fail(`no answer in ${timeoutMs} ms`));
    socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
  });
}
