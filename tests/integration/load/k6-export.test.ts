import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { cloneDatabase, dropDatabase } from 'soundcheck/fixtures/databases.ts';
import { defineScenario } from 'soundcheck/load/index.ts';
import { exportK6 } from 'soundcheck/load/k6-export.ts';
import { defaultUrls } from 'soundcheck/services/health.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signIn } from '../../factories/signed-in.ts';
import { type ApiProcess, bareEnv, startApiProcess } from '../../utils/api-process.ts';
import { processTestTimeout } from '../../utils/child.ts';
import { writeK6Shim } from './support/k6-shim.ts';
import { type RecordingProxy, recordingProxy } from './support/recording-proxy.ts';

const admin = { email: 'k6-admin@soundcheck.test', password: 'k6-admin-password' };
let api: ApiProcess;
let proxy: RecordingProxy;

const database = `sc_k6_export_${randomBytes(3).toString('hex')}`;

// A real `npm start` process on its own PostgreSQL database (an embedded one starts too slowly here).
beforeAll(async () => {
  const url = await cloneDatabase(defaultUrls.postgres, 'template0', database);
  api = await startApiProcess(
    bareEnv({
      DATABASE_URL: url,
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      WORKERS: 'off',
      RATE_LIMIT_PER_MINUTE: '100000',
    }),
    60_000,
  );
  proxy = await recordingProxy(api.url);
}, processTestTimeout());
afterAll(async () => {
  await proxy?.close();
  await api?.stop();
  await dropDatabase(defaultUrls.postgres, database);
});

/** Sign in once in setup; each iteration reads the account and, one time in two, the labels. */
const scenario = defineScenario({
  name: 'k6-roundtrip',
  executor: { type: 'constant-arrival-rate', rate: 20, duration: '30s', maxVUs: 10 },
  setup: async ({ http }) => ({ admin: await signIn(http, admin.email, admin.password) }),
  iteration: async ({ http, named, iteration }, data) => {
    const me = await http.as(data.admin).get('/v1/me');
    if (me.status !== 200) throw new Error(`GET /v1/me answered ${me.status}`);
    if (iteration % 2 === 0) await named('GET /v1/labels').as(data.admin).get('/v1/labels?limit=5');
  },
  thresholds: { http_req_duration: ['p(95)<500', 'p(99)<800 over 5s'], http_req_failed: ['rate<0.01'] },
});

/** `GET /v1/users/0190…` → `GET /v1/users/{id}`, so two runs with different ids compare. */
const shape = (lines: string[]) =>
  lines.map((line) => line.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}'));

describe('k6 export', { tags: ['integration', 'harness', 'slow'] }, () => {
  test('the exported script parses, and under a k6 shim sends the dry run’s requests in the same order', async () => {
    const script = await exportK6(scenario, { target: proxy.url, allowRemote: false, iterations: 2 });
    const dryRun = shape(proxy.seen.splice(0));
    // Setup: login and /v1/me (signIn); iteration 0: /v1/me and the labels; iteration 1: /v1/me.
    expect(dryRun).toEqual([
      'POST /v1/auth/login',
      'GET /v1/me',
      'GET /v1/me',
      'GET /v1/labels?limit=5',
      'GET /v1/me',
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'soundcheck-k6-'));
    const file = path.join(dir, 'script.mjs');
    writeFileSync(file, script);
    execFileSync(process.execPath, ['--check', file]);
    const runner = writeK6Shim(dir);
    // Asynchronously: the proxy the shim's requests go through lives in this process.
    const { stdout } = await promisify(execFile)(process.execPath, [runner, file, '2', proxy.url]);
    const out = JSON.parse(stdout);
    expect(shape(proxy.seen)).toEqual(dryRun);
    expect(out.failedChecks).toEqual([]);
    expect(out.options).toEqual({
      scenarios: {
        'k6-roundtrip': {
          executor: 'constant-arrival-rate',
          rate: 20,
          duration: '30s',
          timeUnit: '1s',
          preAllocatedVUs: 10,
          maxVUs: 10,
        },
      },
      thresholds: { http_req_duration: ['p(95)<500'], http_req_failed: ['rate<0.01'] },
    });
    // The token is the one k6's own setup got, not the dry run's.
    expect(script).toContain('"authorization": `Bearer ${at(data[0], "accessToken")}`');
    expect(script).toContain('tags: { name: "GET /v1/labels" }');
  }, 60_000);
});
