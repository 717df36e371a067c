import net from 'node:net';
import pg from 'pg';
import { defaultUrls } from '../services/health.ts';
import type { Finding } from './finding.ts';

const tuning = ['fsync', 'synchronous_commit', 'full_page_writes'] as const;

/** PostgreSQL: reachable, its version, and whether it is tuned for tests (no durability needed). */
export async function postgresFinding(url = defaultUrls.postgres): Promise<Finding> {
  const where = new URL(url).host;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    const [version] = (await client.query<{ server_version: string }>('SHOW server_version')).rows;
    const settings: Array<[string, unknown]> = [];
    for (const name of tuning) settings.push([name, (await client.query(`SHOW ${name}`)).rows[0]?.[name]]);
    const durable = settings.filter(([, value]) => value === 'on').map(([name]) => name);
    const detail = `PostgreSQL ${version?.server_version} at ${where}`;
    if (!durable.length) return { level: 'ok', name: 'postgres', detail: `${detail}, tuned for tests` };
    return {
      level: 'warn',
      name: 'postgres',
      detail: `${detail}; ${durable.join(', ')} on: every test database pays for durability it does not need`,
      fix: `psql "${url}" ${durable.map((name) => `-c "ALTER SYSTEM SET ${name} = off"`).join(' ')} -c "SELECT pg_reload_conf()"`,
    };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return {
      level: process.env.SOUNDCHECK_STRICT === '1' ? 'fail' : 'warn',
      name: 'postgres',
      detail: `not reachable at ${where} (${code ?? message}); tests that need it skip, the database becomes PGlite`,
      fix: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, or set DATABASE_URL',
    };
  } finally {
    await client.end().catch(() => {});
  }
}

/** One inline Redis command over a raw socket: the reply's text, or the connection error. */
function redisCommand(url: string, command: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) || 6379 });
    let reply = '';
    socket.setTimeout(3000, () => socket.destroy(new Error('no answer within 3000 ms')));
    socket.once('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      // A bulk string: `$<length>\r\n<body>\r\n`; the body is whole once that many bytes arrived.
      const header = /^\$(\d+)\r\n/.exec(reply);
      if (!header || Buffer.byteLength(reply) >= header[0].length + Number(header[1]) + 2) socket.end();
    });
    socket.once('close', () => resolve(reply));
    socket.once('error', reject);
  });
}

/** Redis: reachable, its version, and whether it persists (tests need no persistence). */
export async function redisFinding(url = defaultUrls.redis): Promise<Finding> {
  const where = new URL(url).host;
  try {
    const info = await redisCommand(url, 'INFO persistence\r\nINFO server');
    const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown version';
    const aof = /aof_enabled:1/.test(info);
    const detail = `Redis ${version} at ${where}`;
    if (!aof) return { level: 'ok', name: 'redis', detail };
    return {
      level: 'warn',
      name: 'redis',
      detail: `${detail}; appendonly on: every test write goes to disk`,
      fix: `redis-cli -u ${url} CONFIG SET appendonly no`,
    };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return {
      level: process.env.SOUNDCHECK_STRICT === '1' ? 'fail' : 'warn',
      name: 'redis',
      detail: `not reachable at ${where} (${code ?? message}); tests that need it skip, Redis becomes an in-process stand-in`,
      fix: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no, or set REDIS_URL',
    };
  }
}
