import type { ApiClient, ApiResponse } from 'soundcheck/client/http-client.ts';
import { covers } from '../../contract/checklist.ts';
import { releaseBody, releaseFactory } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { payloadSeed, sampleOf } from './payloads.ts';
import { pgSleepPayloads, timeBasedInjection } from './time-based.ts';

const SLEEP_SECONDS = 2;
/** Payloads per operation, drawn by the seed: each costs two requests (itself and a benign one) when safe. */
const PAYLOADS = 8;

describe('time-based blind SQL injection (pg_sleep)', {
  tags: ['security', 'catalog', 'slow'],
  ...covers('security.hostile-strings-inert'),
}, () => {
  test(`pg_sleep payloads in string fields and query parameters take no longer than benign strings (seed ${payloadSeed})`, async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const client: ApiClient = api.as(manager);
    let n = 0;
    const benign = () => `Quiet Song ${++n}`;
    const query = (path: string) => (value: string) => client.get(`${path}${encodeURIComponent(value)}`);
    const operations: Record<string, (value: string) => Promise<ApiResponse>> = {
      'POST /v1/releases title': (title) =>
        client.post('/v1/releases', releaseBody(release.primaryArtistIds, { title })),
      'PATCH /v1/releases/{id} title': (title) => client.patch(`/v1/releases/${release.id}`, { title }),
      'GET /v1/releases?q=': query('/v1/releases?q='),
      'GET /v1/artists?q=': query('/v1/artists?q='),
    };
    const findings: string[] = [];
    for (const [name, send] of Object.entries(operations)) {
      const payloads = sampleOf(pgSleepPayloads(SLEEP_SECONDS), name, PAYLOADS);
      const verdict = await timeBasedInjection(send, payloads, benign, SLEEP_SECONDS * 1000);
      for (const { payload, ms } of verdict.slow)
        findings.push(
          `${name} ${payload}: ${ms.map(Math.round).join(' and ')} ms, over ${Math.round(verdict.thresholdMs)} ms`,
        );
    }
    expect(findings).toEqual([]);
  });
});
