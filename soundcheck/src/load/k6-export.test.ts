import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { defineScenario } from './define-scenario.ts';
import { k6Script } from './k6-export.ts';
import type { DryRun } from './k6-record.ts';

// A fixed scenario and a fixed dry run of it (what `dryRun` records against a target): the exported
// script must equal the committed golden one. After an intended change to the export, update it with
// `npx vitest run soundcheck/src/load/k6-export.test.ts -u` and review the diff.
const golden = new URL('../../test/fixtures/load/k6-export.golden.js', import.meta.url);

const scenario = defineScenario({
  name: 'golden',
  executor: {
    type: 'ramping-arrival-rate',
    startRate: 5,
    timeUnit: '1s',
    stages: [
      { target: 50, duration: '30s' },
      { target: 0, duration: '10s' },
    ],
    preAllocatedVUs: 20,
    maxVUs: 80,
  },
  gracefulStop: '5s',
  iteration: async () => undefined,
  thresholds: {
    'http_req_duration{name:GET /v1/releases/{id}}': [
      'p(95)<50',
      { threshold: 'p(99)<200', abortOnFail: true, delayAbortEval: '10s' },
    ],
    http_req_service_duration: ['p(99)<100'],
    http_req_duration: ['p(95)<80 over 10s'],
    http_req_failed: ['rate<0.01'],
  },
});

const token = 'eyJhbGciOiJIUzI1NiJ9.golden-token';
const releaseId = '01900000-0000-7000-8000-00000000000a';
const trackId = '01900000-0000-7000-8000-00000000000b';
const run: DryRun = {
  setup: [
    {
      kind: 'request',
      request: { method: 'POST', path: '/v1/auth/login', body: { email: 'a@b.test', password: 'secret-pw' } },
      name: null,
      status: 200,
      json: { accessToken: token, user: { role: 'admin' } },
    },
    {
      kind: 'request',
      request: {
        method: 'POST',
        path: '/v1/releases',
        body: { title: 'Golden' },
        headers: { authorization: `Bearer ${token}` },
      },
      name: null,
      status: 201,
      json: { id: releaseId, state: 'draft' },
    },
  ],
  iterations: [
    [
      {
        kind: 'request',
        request: {
          method: 'GET',
          path: `/v1/releases/${releaseId}`,
          headers: { authorization: `Bearer ${token}` },
        },
        name: null,
        status: 200,
        json: { id: releaseId, tracks: [] },
      },
      { kind: 'sleep', ms: 250 },
      {
        kind: 'request',
        request: { method: 'GET', path: '/v1/labels?limit=5', headers: { authorization: `Bearer ${token}` } },
        name: 'GET /v1/labels',
        status: 200,
        json: { items: [] },
      },
    ],
    [
      {
        kind: 'request',
        request: {
          method: 'POST',
          path: `/v1/releases/${releaseId}/tracks`,
          // Backquotes and a dollar-brace in data must stay text in the script's template literals.
          body: { title: `A \`quoted\` $\{not-a-template}` },
          headers: { authorization: `Bearer ${token}` },
        },
        name: null,
        status: 201,
        json: { id: trackId },
      },
      {
        kind: 'request',
        request: {
          method: 'DELETE',
          path: `/v1/releases/${releaseId}/tracks/${trackId}`,
          headers: { authorization: `Bearer ${token}` },
        },
        name: null,
        status: 204,
        json: null,
      },
    ],
  ],
};

describe('k6 export, golden script', () => {
  test('a fixed scenario and dry run export to the committed script, which is valid JavaScript', async () => {
    await expect(k6Script(scenario, 'http://127.0.0.1:3000', run)).toMatchFileSnapshot(fileURLToPath(golden));
    expect(() => execFileSync(process.execPath, ['--check', fileURLToPath(golden)])).not.toThrow();
  });
});
