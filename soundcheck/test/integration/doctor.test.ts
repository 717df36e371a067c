import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { diskFinding, nodeFinding, portsFinding, toolFinding } from '../../src/doctor/machine-checks.ts';
import { postgresFinding, redisFinding } from '../../src/doctor/service-checks.ts';
import { defaultUrls } from '../../src/services/health.ts';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

describe('soundcheck doctor', { tags: ['integration', 'harness'], timeout: 60_000 }, () => {
  test('an old Node blocks, naming the fix', () => {
    expect(nodeFinding('22.11.0')).toEqual({
      level: 'fail',
      name: 'node',
      detail: 'Node 22.11.0; Soundcheck runs its TypeScript directly, which needs Node 24',
      fix: 'npm install, then run through npx or npm run (the project brings Node 24)',
    });
    expect(nodeFinding('24.0.1').level).toBe('ok');
  });

  test('a missing tool is a warning with its Debian package', () => {
    expect(toolFinding('pushgateway', 'no-such-binary-for-doctor', 'prometheus-pushgateway')).toMatchObject({
      level: process.env.SOUNDCHECK_STRICT === '1' ? 'fail' : 'warn',
      detail: 'no-such-binary-for-doctor not found; the tests that need it skip',
      fix: 'apt-get install -y prometheus-pushgateway',
    });
  });

  test('PostgreSQL and Redis that are not there are named with how to start them', async () => {
    const [postgres, redis] = await Promise.all([
      postgresFinding('postgres://postgres@127.0.0.1:1/postgres'),
      redisFinding('redis://127.0.0.1:1'),
    ]);
    expect(postgres).toMatchObject({
      detail: expect.stringMatching(/^not reachable at 127\.0\.0\.1:1 \(ECONNREFUSED\)/),
      fix: expect.stringContaining('pg_ctlcluster'),
    });
    expect(redis).toMatchObject({
      detail: expect.stringMatching(/^not reachable at 127\.0\.0\.1:1 \(ECONNREFUSED\)/),
      fix: expect.stringContaining('redis-server'),
    });
  });

  test('the real PostgreSQL and Redis are reported with their versions', async ({ skip }) => {
    const postgres = await postgresFinding(defaultUrls.postgres);
    const redis = await redisFinding(defaultUrls.redis);
    if (postgres.detail.startsWith('not reachable') || redis.detail.startsWith('not reachable'))
      skip(`needs PostgreSQL and Redis: ${postgres.detail}; ${redis.detail}`);
    expect(postgres.detail).toMatch(/^PostgreSQL \d+\.\d+/);
    expect(redis.detail).toMatch(/^Redis \d+\.\d+\.\d+ at /);
  });

  test('a taken port is a warning naming it and its use', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      expect(await portsFinding({ 'npm start': port })).toMatchObject({
        level: 'warn',
        detail: `in use: ${port} (npm start)`,
      });
    } finally {
      taken.close();
    }
  });

  test('too little disk is a warning with the space left', () => {
    expect(diskFinding(process.cwd(), Number.MAX_SAFE_INTEGER)).toMatchObject({
      level: 'warn',
      name: 'disk',
    });
  });

  test('`soundcheck doctor` prints one line per check and the count', async () => {
    const { status, stdout } = await new Promise<{ status: number; stdout: string }>((resolve) =>
      execFile(
        process.execPath,
        [cli, 'doctor'],
        { env: { ...process.env, SOUNDCHECK_HISTORY_WAIT_MS: '0' } },
        (error, out) => resolve({ status: error ? Number(error.code) : 0, stdout: out }),
      ),
    );
    const names = stdout
      .split('\n')
      .filter((line) => /^ {2}[✓!✗] /.test(line))
      .map((line) => line.slice(4).split(/\s+/)[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'node',
        'postgres',
        'redis',
        'chromium',
        'promtool',
        'pushgateway',
        'ports',
        'disk',
        'history',
      ]),
    );
    expect(stdout).toMatch(/\n {2}0 problem\(s\), \d+ warning\(s\)\n$/);
    expect(status).toBe(0);
  });
});
