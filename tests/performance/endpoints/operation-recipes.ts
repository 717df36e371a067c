import { readFileSync } from 'node:fs';
import { faker } from '@faker-js/faker';
import type { ApiRequest } from 'soundcheck/client/http-client.ts';
import { artistFactory } from '../../factories/artists.ts';
import { attachAssets } from '../../factories/assets.ts';
import { labelFactory } from '../../factories/labels.ts';
import { createPartner, partnerFactory, sftpTransport } from '../../factories/partners.ts';
import { releaseBody, releaseFactory, trackBody } from '../../factories/releases.ts';
import { type SignedInUser, signedIn, signIn } from '../../factories/signed-in.ts';
import { userFactory } from '../../factories/users.ts';
import { type SampleName, sampleFile } from '../../fixtures/sample-files.ts';
import { knownBarcode, knownIsrc } from '../../mocks/musicbrainz.ts';
import { signedCallback } from '../../utils/contract/sign-callback.ts';
import { ingested } from '../../utils/partner-callback.ts';
import { inBatches } from '../scenarios/cast.ts';
import { delivered, failedDeliveries, releasesIn, uploaded, type World } from './endpoint-world.ts';

/** What one measured call sends: the request (made at send time when it must be fresh) and its sender. */
export interface Call {
  by?: SignedInUser;
  request: ApiRequest | (() => ApiRequest);
}

/** Prepares `n` calls of one operation on its success path, unmeasured; each call may consume what it acts on. */
export type Recipe = (world: World, n: number) => Promise<Call[]>;

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const get = (path: string, by?: SignedInUser) => (n: number) =>
  times(n, () => ({ request: { method: 'GET', path }, ...(by ? { by } : {}) }));
const post = (path: string, body: () => unknown, by: SignedInUser): Call => ({
  by,
  request: { method: 'POST', path, body: body() },
});
const action = (by: (w: World) => SignedInUser, act: string, body?: unknown) => (w: World, ids: string[]) =>
  ids.map((id) => ({
    by: by(w),
    request: { method: 'POST', path: `/v1/releases/${id}/${act}`, ...(body ? { body } : {}) },
  }));
const owner = (w: World) => w.manager;
const reviewer = (w: World) => w.reviewer;
const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);
const png = { artwork: 'artwork-3000.png' as const, audio: null };

/** Every operation of the API, each on its success path (the status /openapi.json documents as its 2xx). */
export const recipes: Record<string, Recipe> = {
  'GET /health': async (_w, n) => get('/health')(n),
  'GET /ready': async (_w, n) => get('/ready')(n),
  'POST /v1/auth/login': async (w, n) =>
    times(n, () => ({
      request: {
        method: 'POST',
        path: '/v1/auth/login',
        body: { email: w.manager.email, password: w.manager.password },
      },
    })),
  'POST /v1/auth/refresh': async (w, n) =>
    (await inBatches(n, 4, () => signIn(w.http, w.manager.email, w.manager.password))).map((session) => ({
      request: { method: 'POST', path: '/v1/auth/refresh', body: { refreshToken: session.refreshToken } },
    })),
  'POST /v1/auth/logout': async (w, n) =>
    (await inBatches(n, 4, () => signIn(w.http, w.manager.email, w.manager.password))).map((session) => ({
      by: session,
      request: { method: 'POST', path: '/v1/auth/logout' },
    })),
  'GET /v1/me': async (w, n) => get('/v1/me', w.manager)(n),
  'POST /v1/labels': async (w, n) => times(n, () => post('/v1/labels', () => labelFactory.build(), w.admin)),
  'GET /v1/labels': async (w, n) => get('/v1/labels', w.admin)(n),
  'GET /v1/labels/{id}': async (w, n) => get(`/v1/labels/${w.manager.labelId}`, w.manager)(n),
  'PATCH /v1/labels/{id}': async (w, n) =>
    times(n, () => ({
      by: w.admin,
      request: {
        method: 'PATCH',
        path: `/v1/labels/${w.manager.labelId}`,
        body: { name: labelFactory.build().name },
      },
    })),
  'POST /v1/users': async (w, n) =>
    times(n, () =>
      post(
        '/v1/users',
        () => userFactory.build({ role: 'artist', labelId: w.manager.labelId as string }),
        w.admin,
      ),
    ),
  'GET /v1/users': async (w, n) => get('/v1/users', w.admin)(n),
  'GET /v1/users/{id}': async (w, n) => get(`/v1/users/${w.manager.id}`, w.admin)(n),
  'PATCH /v1/users/{id}': async (w, n) =>
    (await artists(w, n)).map((user) => ({
      by: w.admin,
      request: {
        method: 'PATCH',
        path: `/v1/users/${user.id}`,
        body: { password: faker.internet.password({ length: 16 }) },
      },
    })),
  'DELETE /v1/users/{id}': async (w, n) =>
    (await artists(w, n)).map((user) => ({
      by: w.admin,
      request: { method: 'DELETE', path: `/v1/users/${user.id}` },
    })),
  'POST /v1/artists': async (w, n) =>
    times(n, () => post('/v1/artists', () => artistFactory.build(), w.manager)),
  'GET /v1/artists': async (w, n) => get('/v1/artists', w.manager)(n),
  'GET /v1/artists/{id}': async (w, n) => get(`/v1/artists/${w.artistId}`, w.manager)(n),
  'PATCH /v1/artists/{id}': async (w, n) =>
    times(n, () => ({
      by: w.manager,
      request: {
        method: 'PATCH',
        path: `/v1/artists/${w.artistId}`,
        body: { name: artistFactory.build().name },
      },
    })),
  'POST /v1/releases': async (w, n) =>
    times(n, () => post('/v1/releases', () => releaseBody([w.artistId]), w.manager)),
  'GET /v1/releases': async (w, n) => get('/v1/releases?limit=25', w.manager)(n),
  'GET /v1/releases/{id}': async (w, n) => readsOf(w, n, (id) => `/v1/releases/${id}`),
  'PATCH /v1/releases/{id}': async (w, n) =>
    ids(await releasesIn(w, 1, 'draft')).flatMap((id) =>
      times(n, () => ({
        by: w.manager,
        request: {
          method: 'PATCH',
          path: `/v1/releases/${id}`,
          body: { title: faker.music.songName().slice(0, 60) },
        },
      })),
    ),
  'DELETE /v1/releases/{id}': async (w, n) =>
    ids(await releasesIn(w, n, 'draft')).map((id) => ({
      by: w.manager,
      request: { method: 'DELETE', path: `/v1/releases/${id}` },
    })),
  'POST /v1/releases/{id}/validate': async (w, n) =>
    readsOf(w, n, (id) => `/v1/releases/${id}/validate`, 'POST'),
  'GET /v1/releases/{id}/history': async (w, n) => readsOf(w, n, (id) => `/v1/releases/${id}/history`),
  'POST /v1/releases/{id}/submit': async (w, n) =>
    action(owner, 'submit')(
      w,
      ids(await inBatches(n, 4, () => releaseFactory.single().withAssets().as(w.http, w.manager).create())),
    ),
  'POST /v1/releases/{id}/withdraw': async (w, n) =>
    action(owner, 'withdraw')(w, ids(await releasesIn(w, n, 'submitted'))),
  'POST /v1/releases/{id}/start-review': async (w, n) =>
    action(reviewer, 'start-review')(w, ids(await releasesIn(w, n, 'submitted'))),
  'POST /v1/releases/{id}/request-changes': async (w, n) =>
    action(reviewer, 'request-changes', { reasons: [{ rule: 'M2', message: 'Please use title case' }] })(
      w,
      ids(await releasesIn(w, n, 'in_review')),
    ),
  'POST /v1/releases/{id}/approve': async (w, n) =>
    action(reviewer, 'approve')(w, ids(await releasesIn(w, n, 'in_review'))),
  'POST /v1/releases/{id}/archive': async (w, n) =>
    action(owner, 'archive')(w, ids(await releasesIn(w, n, 'draft'))),
  'POST /v1/releases/{id}/tracks': async (w, n) =>
    ids(await releasesIn(w, n, 'draft')).map((id) =>
      post(`/v1/releases/${id}/tracks`, () => trackBody(w.artistId, 2), w.manager),
    ),
  'GET /v1/releases/{id}/tracks': async (w, n) => readsOf(w, n, (id) => `/v1/releases/${id}/tracks`),
  'GET /v1/releases/{id}/tracks/{trackId}': async (w, n) => trackCalls(w, n, 'GET'),
  'PATCH /v1/releases/{id}/tracks/{trackId}': async (w, n) =>
    trackCalls(w, n, 'PATCH', () => ({ title: faker.music.songName().slice(0, 60) })),
  'DELETE /v1/releases/{id}/tracks/{trackId}': async (w, n) => trackCalls(w, n, 'DELETE'),
  'GET /v1/lookup/isrc/{isrc}': async (w, n) => get(`/v1/lookup/isrc/${knownIsrc}`, w.manager)(n),
  'GET /v1/lookup/barcode/{upc}': async (w, n) => get(`/v1/lookup/barcode/${knownBarcode}`, w.manager)(n),
  'POST /v1/partners': async (w, n) =>
    times(n, () =>
      post('/v1/partners', () => partnerFactory.build({ transport: sftpTransport(w.sftp) }), w.admin),
    ),
  'GET /v1/partners': async (w, n) => get('/v1/partners', w.admin)(n),
  'GET /v1/partners/{id}': async (w, n) => get(`/v1/partners/${w.partner.id}`, w.admin)(n),
  'PATCH /v1/partners/{id}': async (w, n) =>
    times(n, () => ({
      by: w.admin,
      request: { method: 'PATCH', path: `/v1/partners/${w.partner.id}`, body: { leadTimeDays: 0 } },
    })),
  'POST /v1/partners/{id}/test-connection': async (w, n) => {
    const partner = await createPartner(w.http, w.admin, sftpTransport(w.sftp));
    return times(n, () => ({
      by: w.admin,
      request: { method: 'POST', path: `/v1/partners/${partner.id}/test-connection` },
    }));
  },
  'POST /v1/partners/{id}/rotate-callback-secret': async (w, n) => {
    // A partner of its own: the world's partner keeps the secret its callbacks are signed with.
    const partner = await createPartner(w.http, w.admin, sftpTransport(w.sftp));
    return times(n, () => ({
      by: w.admin,
      request: { method: 'POST', path: `/v1/partners/${partner.id}/rotate-callback-secret` },
    }));
  },
  'POST /v1/releases/{id}/distribute': async (w, n) =>
    action(owner, 'distribute', { partnerIds: [w.partner.id] })(w, ids(await releasesIn(w, n, 'approved'))),
  'POST /v1/releases/{id}/revise': async (w, n) => action(owner, 'revise')(w, ids(await delivered(w, n))),
  'POST /v1/releases/{id}/takedown': async (w, n) =>
    action(owner, 'takedown')(
      w,
      (await uploaded(w, n)).map((s) => s.release.id),
    ),
  'POST /v1/releases/{id}/deliveries': async (w, n) =>
    action(owner, 'deliveries', { partnerIds: [w.partner.id], kind: 'update' })(
      w,
      (await uploaded(w, n)).map((s) => s.release.id),
    ),
  'GET /v1/deliveries': async (w, n) => get('/v1/deliveries', w.manager)(n),
  'GET /v1/deliveries/{id}': async (w, n) => deliveryReads(w, n, ''),
  'GET /v1/deliveries/{id}/ern': async (w, n) => deliveryReads(w, n, '/ern'),
  'POST /v1/deliveries/{id}/retry': async (w, n) =>
    (await failedDeliveries(w, n)).map((d) => ({
      by: w.admin,
      request: { method: 'POST', path: `/v1/deliveries/${d.id}/retry` },
    })),
  'POST /v1/deliveries/{id}/cancel': async (w, n) =>
    (await failedDeliveries(w, n)).map((d) => ({
      by: w.admin,
      request: { method: 'POST', path: `/v1/deliveries/${d.id}/cancel` },
    })),
  'PUT /v1/releases/{id}/artwork': async (w, n) =>
    uploads(w, n, (release) => `/v1/releases/${release.id}/artwork`, 'artwork-3000.png', 'image/png'),
  'PUT /v1/releases/{id}/tracks/{trackId}/audio': async (w, n) =>
    uploads(
      w,
      n,
      (release) => `/v1/releases/${release.id}/tracks/${release.tracks[0]?.id}/audio`,
      'steady-31s-44100-16-stereo.flac',
      'audio/flac',
    ),
  'GET /v1/assets/{id}': async (w, n) => assetReads(w, n, ''),
  'GET /v1/assets/{id}/content': async (w, n) => assetReads(w, n, '/content'),
  'POST /v1/partner-callbacks/{partnerId}': async (w, n) =>
    (await uploaded(w, n)).map(({ delivery }) => ({
      // Signed when sent: the signature's timestamp must be within five minutes of the target's clock.
      request: () => ({
        method: 'POST',
        path: `/v1/partner-callbacks/${w.partner.id}`,
        ...signedCallback(w.partner.callbackSecret, ingested(delivery.messageId)),
      }),
    })),
};

async function artists(w: World, n: number) {
  return inBatches(n, 4, () =>
    signedIn(w.http, w.admin, { role: 'artist', labelId: w.manager.labelId as string }),
  );
}

async function readsOf(w: World, n: number, path: (id: string) => string, method = 'GET'): Promise<Call[]> {
  const [release] = await releasesIn(w, 1, 'draft');
  return times(n, () => ({ by: w.manager, request: { method, path: path((release as { id: string }).id) } }));
}

async function trackCalls(w: World, n: number, method: string, body?: () => unknown): Promise<Call[]> {
  return (await releasesIn(w, n, 'draft')).map((release) => ({
    by: w.manager,
    request: {
      method,
      path: `/v1/releases/${release.id}/tracks/${release.tracks[0]?.id}`,
      ...(body ? { body: body() } : {}),
    },
  }));
}

async function deliveryReads(w: World, n: number, suffix: string): Promise<Call[]> {
  const [sent] = await uploaded(w, 1);
  return get(`/v1/deliveries/${sent?.delivery.id}${suffix}`, w.manager)(n);
}

async function assetReads(w: World, n: number, suffix: string): Promise<Call[]> {
  const [release] = await releasesIn(w, 1, 'draft');
  const { artworkId } = await attachAssets(w.http, w.manager, { id: release?.id ?? '', tracks: [] }, png);
  return get(`/v1/assets/${artworkId}${suffix}`, w.manager)(n);
}

async function uploads(
  w: World,
  n: number,
  path: (release: { id: string; tracks: Array<{ id: string }> }) => string,
  sample: SampleName,
  type: string,
): Promise<Call[]> {
  const payload = readFileSync(sampleFile(sample));
  return (await releasesIn(w, n, 'draft')).map((release) => ({
    by: w.manager,
    request: { method: 'PUT', path: path(release), headers: { 'content-type': type }, payload },
  }));
}
