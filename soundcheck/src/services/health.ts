import net from 'node:net';

export type ServiceName = 'postgres' | 'redis';

export interface ServiceStatus {
  name: ServiceName;
  url: string;
  ok: boolean;
  /** Why it is unusable and how to start it, when `ok` is false. */
  reason?: string;
}

const howToStart: Record<ServiceName, string> = {
  postgres:
    'start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, or point DATABASE_URL at a running server',
  redis:
    'start it with `redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`, or point REDIS_URL at a running server',
};

/** Whether something accepts TCP connections at the URL's host and port, within `timeoutMs`. */
export function reachable(url: string, defaultPort: number, timeoutMs = 1500): Promise<string | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) || defaultPort });
    const done = (problem: string | null) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () => done(null));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

export async function checkService(name: ServiceName, url: string): Promise<ServiceStatus> {
  const problem = await reachable(url, name === 'postgres' ? 5432 : 6379);
  if (!problem) return { name, url, ok: true };
  const where = new URL(url).host;
  return {
    name,
    url,
    ok: false,
    reason: `${name} is not reachable at ${where} (${problem}): ${howToStart[name]}`,
  };
}

export const defaultUrls = {
  postgres: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  redis: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
};

/** Checks PostgreSQL and Redis; the URLs come from DATABASE_URL / REDIS_URL or the local defaults. */
export function checkServices(): Promise<ServiceStatus[]> {
  return Promise.all([
    checkService('postgres', defaultUrls.postgres),
    checkService('redis', defaultUrls.redis),
  ]);
}
