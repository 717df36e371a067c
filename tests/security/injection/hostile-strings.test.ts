import type { ApiClient, ApiResponse } from 'soundcheck/client/http-client.ts';
import { covers } from '../../contract/checklist.ts';
import { createArtist } from '../../factories/artists.ts';
import { type Release, releaseBody, releaseFactory, trackBody } from '../../factories/releases.ts';
import { type SignedInUser, signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { payloadSeed, samplePayloads } from './payloads.ts';
import { queryProblems, storedStringProblems } from './stored-string.ts';

/** Payloads per corpus (naughty strings, SQL injection, XSS, control characters) and field: 12 a field. */
const PER_CORPUS = 3;

type Read = { response: ApiResponse; value: unknown } | null;
interface Field {
  name: string;
  /** Sends `payload` in the field; returns the write's answer and, when it was accepted, the field read back. */
  send(client: ApiClient, payload: string): Promise<{ write: ApiResponse; read: Read }>;
  /** Forms the contract lets the service store the payload in (default: exactly as sent). */
  allowed?(payload: string): string[];
}

const readBack = async (
  client: ApiClient,
  write: ApiResponse,
  path: (id: string) => string,
  pick: (body: never) => unknown,
): Promise<Read> => {
  if (write.status >= 300) return null;
  const response = await client.get(path((write.body as { id: string }).id));
  return { response, value: pick(response.body as never) };
};

async function fieldsFor(api: ApiClient, manager: SignedInUser): Promise<Field[]> {
  const release = await releaseFactory.single().as(api, manager).create();
  const artist = await createArtist(api, manager);
  const artistIds = release.primaryArtistIds;
  let nextTrack = release.tracks.length + 1;
  const releasePath = (id: string) => `/v1/releases/${id}`;
  type R = Pick<Release, 'title' | 'version' | 'pLine' | 'cLine'>;
  const created = (name: string, body: (p: string) => object, pick: (r: R) => unknown): Field => ({
    name: `POST /v1/releases ${name}`,
    async send(c, p) {
      const write = await c.post('/v1/releases', body(p));
      return { write, read: await readBack(c, write, releasePath, pick) };
    },
  });
  const updated = (name: 'title' | 'version'): Field => ({
    name: `PATCH /v1/releases/{id} ${name}`,
    async send(c, p) {
      const write = await c.patch(releasePath(release.id), { [name]: p });
      return { write, read: await readBack(c, write, releasePath, (r: R) => r[name]) };
    },
  });
  const track = (name: 'title' | 'version'): Field => ({
    name: `POST /v1/releases/{id}/tracks ${name}`,
    async send(c, p) {
      const write = await c.post(
        `/v1/releases/${release.id}/tracks`,
        trackBody(artistIds[0]!, nextTrack, { [name]: p }),
      );
      if (write.status === 201) nextTrack += 1;
      const path = (id: string) => `/v1/releases/${release.id}/tracks/${id}`;
      return { write, read: await readBack(c, write, path, (t: R) => t[name]) };
    },
  });
  return [
    created(
      'title',
      (p) => releaseBody(artistIds, { title: p }),
      (r) => r.title,
    ),
    created(
      'version',
      (p) => releaseBody(artistIds, { version: p }),
      (r) => r.version,
    ),
    created(
      'pLine.owner',
      (p) => ({ ...releaseBody(artistIds), pLine: { year: 2024, owner: p } }),
      (r) => r.pLine.owner,
    ),
    created(
      'cLine.owner',
      (p) => ({ ...releaseBody(artistIds), cLine: { year: 2024, owner: p } }),
      (r) => r.cLine.owner,
    ),
    updated('title'),
    updated('version'),
    track('title'),
    track('version'),
    {
      name: 'POST /v1/artists name',
      async send(c, p) {
        const write = await c.post('/v1/artists', { name: p });
        return {
          write,
          read: await readBack(
            c,
            write,
            (id) => `/v1/artists/${id}`,
            (a: { name: string }) => a.name,
          ),
        };
      },
      // API.md is silent on surrounding white space in a name; trimming it is no injection.
      allowed: (p) => [p, p.trim()],
    },
    {
      name: 'PATCH /v1/artists/{id} name',
      async send(c, p) {
        const path = (id: string) => `/v1/artists/${id}`;
        const write = await c.patch(path(artist.id), { name: p });
        return { write, read: await readBack(c, write, path, (a: { name: string }) => a.name) };
      },
      allowed: (p) => [p, p.trim()],
    },
  ];
}

describe('hostile strings in string fields and query parameters (BLNS, FuzzDB SQL injection and XSS)', {
  tags: ['security', 'catalog'],
  ...covers('security.hostile-strings-inert'),
}, () => {
  // Two halves, each within the test timeout on a busy machine black-box (120 writes and read-backs in all).
  test.for([
    ['release', (name: string) => !/tracks|artists/.test(name)],
    ['track and artist', (name: string) => /tracks|artists/.test(name)],
  ] as const)(
    `every string field of %s writes: 2xx or 4xx, stored verbatim as JSON (seed ${payloadSeed})`,
    async ([, inHalf], { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const problems: string[] = [];
      for (const field of (await fieldsFor(api, manager)).filter((each) => inHalf(each.name))) {
        let stored = 0;
        for (const payload of samplePayloads(field.name, PER_CORPUS)) {
          const { write, read } = await field.send(api.as(manager), payload);
          if (read) stored += 1;
          for (const problem of storedStringProblems(payload, write, read, field.allowed?.(payload)))
            problems.push(`${field.name}: ${problem}`);
        }
        // A field that refused every payload would leave "stored verbatim" unchecked.
        if (stored === 0) problems.push(`${field.name}: no payload was stored, so none was read back`);
      }
      expect(problems).toEqual([]);
    },
  );

  test(`search and list query parameters: a 200 list or a 4xx problem (seed ${payloadSeed})`, async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const problems: string[] = [];
    for (const query of [
      '/v1/releases?q=',
      '/v1/artists?q=',
      '/v1/releases?sort=',
      '/v1/releases?cursor=',
      '/v1/releases?state=',
    ]) {
      for (const payload of samplePayloads(query, PER_CORPUS)) {
        const response = await api.as(manager).get(`${query}${encodeURIComponent(payload)}`);
        for (const problem of queryProblems(response)) problems.push(`${query}${payload}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
