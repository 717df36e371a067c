import net from 'node:net';
import { bareEnv, runToExit, startApiProcess } from '../../utils/api-process.ts';
import { processTestTimeout } from '../../utils/child.ts';
import { describe, expect, test } from '../../utils/test.ts';

const oneLine = (text: string) => text.trim().split('\n');

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('starting the API process', {
  tags: ['integration', 'ops', 'slow'],
  timeout: processTestTimeout(),
}, () => {
  test.each([
    [{ PORT: 'abc' }, /^soundcheck-api: configuration error: PORT must be a whole number/],
    [
      { DATABASE_URL: 'postgres://db.example:port/app' },
      /^soundcheck-api: configuration error: DATABASE_URL is not a valid URL/,
    ],
    [{ REDIS_URL: 'http://nope' }, /^soundcheck-api: configuration error: REDIS_URL must start with redis:/],
  ])('bad configuration %o stops it with one line naming the variable', async (env, message) => {
    const { code, stderr } = await runToExit(bareEnv(env));
    expect(code).toBe(1);
    expect(oneLine(stderr)).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  test('PostgreSQL refusing connections is named with the fix', async () => {
    const port = await closedPort();
    const { code, stderr } = await runToExit(
      bareEnv({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/x` }),
    );
    expect(code).toBe(1);
    expect(oneLine(stderr)).toEqual([
      `soundcheck-api: cannot connect to PostgreSQL at postgres://postgres@127.0.0.1:${port}/x (DATABASE_URL): connection refused — start PostgreSQL, fix DATABASE_URL, or unset it to use the embedded database`,
    ]);
  });

  test('a port in use is named with the fix', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const { code, stderr } = await runToExit(bareEnv({ PORT: String(port) }));
      expect(code).toBe(1);
      expect(oneLine(stderr)).toEqual([
        `soundcheck-api: port ${port} on 127.0.0.1 is in use — stop the other process or set PORT`,
      ]);
    } finally {
      blocker.close();
    }
  });

  test('on a bare machine it serves /health, /ready, /openapi.json and /docs, then stops cleanly', async () => {
    const api = await startApiProcess(
      bareEnv({
        BOOTSTRAP_ADMIN_EMAIL: 'root@example.test',
        BOOTSTRAP_ADMIN_PASSWORD: 'correct horse battery',
      }),
    );
    try {
      const get = (path: string) => fetch(`${api.url}${path}`);
      expect(await (await get('/health')).json()).toEqual({ status: 'ok' });
      const ready = await get('/ready');
      expect([ready.status, await ready.json()]).toEqual([
        200,
        { status: 'ok', checks: { database: 'ok', redis: 'ok', storage: 'ok' } },
      ]);
      expect(await (await get('/openapi.json')).json()).toMatchObject({ openapi: '3.1.0' });
      const docs = await get('/docs/');
      expect([docs.status, docs.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      expect(api.stdout()).toMatch(
        /"database":"embedded PGlite[^"]*","redis":"embedded in-process stand-in"/,
      );
      expect(api.stdout()).toContain('bootstrap admin created');
      // The docs URL and the admin to sign in as are in the first lines, before any request is logged.
      const firstMessages = api
        .stdout()
        .split('\n')
        .slice(0, 4)
        .map((line) => (line ? (JSON.parse(line) as { msg: string }).msg : ''));
      expect(firstMessages).toContain(
        `ready: API docs at ${api.url}/docs, bootstrap admin root@example.test`,
      );
    } finally {
      expect(await api.stop()).toBe(0);
    }
  });
});
