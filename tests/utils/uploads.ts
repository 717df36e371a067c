import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { releaseFactory } from '../factories/releases.ts';
import { type SignedInUser, signedIn } from '../factories/signed-in.ts';
import { type SampleName, sampleFile } from '../fixtures/sample-files.ts';
import { expect } from './test.ts';

export const bytesOf = (name: SampleName) => readFileSync(sampleFile(name));
export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A label manager with a fresh single-track draft release. */
export async function draftRelease(api: ApiClient, admin: SignedInUser) {
  const manager = await signedIn(api, admin, { role: 'label_manager' });
  const release = await releaseFactory.single().as(api, manager).create();
  const trackId = release.tracks[0]!.id;
  return { manager, release, trackId };
}

export function put(api: ApiClient, actor: SignedInUser, path: string, contentType: string, payload: Buffer) {
  return api.as(actor).request({ method: 'PUT', path, headers: { 'content-type': contentType }, payload });
}

/** The stored content, downloaded (bytes, so in-process), equals what was sent, with the safe download headers. */
export async function expectContentServed(
  app: FastifyInstance,
  actor: SignedInUser,
  id: string,
  type: string,
  sent: Buffer,
) {
  const content = await app.inject({
    method: 'GET',
    url: `/v1/assets/${id}/content`,
    headers: { authorization: `Bearer ${actor.accessToken}` },
  });
  expect(content.statusCode).toBe(200);
  expect(content.headers).toMatchObject({
    'content-type': type,
    'content-disposition': expect.stringMatching(/^attachment; filename="[0-9a-f-]+\.(png|jpg|wav|flac)"$/),
    'x-content-type-options': 'nosniff',
  });
  expect(sha256(content.rawPayload)).toBe(sha256(sent));
}
