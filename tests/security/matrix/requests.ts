import { readFileSync } from 'node:fs';
import { faker } from '@faker-js/faker';
import type { ApiClient, ApiRequest } from 'soundcheck/client/http-client.ts';
import { artistFactory } from '../../factories/artists.ts';
import { labelFactory } from '../../factories/labels.ts';
import { partnerFactory } from '../../factories/partners.ts';
import { releaseBody, trackBody } from '../../factories/releases.ts';
import { signIn } from '../../factories/signed-in.ts';
import { userFactory } from '../../factories/users.ts';
import { sampleFile } from '../../fixtures/sample-files.ts';
import { ingested } from '../../utils/partner-callback.ts';
import type { World } from './actors.ts';
import type { Scene } from './scenes.ts';

type Extra = Pick<ApiRequest, 'body' | 'payload' | 'headers'>;

/**
 * What one operation is sent besides its path: a body valid for it (the shape is checked before
 * visibility and role, so an invalid body would hide the refusal). Outcomes are never listed here.
 * `find` says, for an operation that creates something, where the thing would show up — for the
 * nothing-written check of its refusals.
 */
interface RequestRecipe {
  extra?: (world: World, scene: Scene, api: ApiClient) => Extra | Promise<Extra>;
  /** The caller's session ends with this call: the cell signs the actor in afresh for it. */
  freshSession?: boolean;
}

const upload = (name: Parameters<typeof sampleFile>[0], type: string) => () => ({
  headers: { 'content-type': type },
  payload: readFileSync(sampleFile(name)),
});

const creator = (world: World) => world.actors['artist (creator)'];

export const recipes: Record<string, RequestRecipe> = {
  'POST /v1/auth/login': {
    extra: (world) => ({ body: { email: creator(world).email, password: creator(world).password } }),
  },
  'POST /v1/auth/refresh': {
    // A pair of its own: presenting the creator's stored refresh token twice would revoke its family.
    extra: async (world, _scene, api) => ({
      body: { refreshToken: (await signIn(api, creator(world).email, creator(world).password)).refreshToken },
    }),
  },
  'POST /v1/auth/logout': { freshSession: true },
  'POST /v1/labels': { extra: () => ({ body: labelFactory.build() }) },
  'PATCH /v1/labels/{id}': { extra: () => ({ body: { name: labelFactory.build().name } }) },
  'POST /v1/users': {
    extra: (world) => ({ body: userFactory.build({ role: 'artist', labelId: world.labelId }) }),
  },
  'PATCH /v1/users/{id}': { extra: () => ({ body: { password: faker.internet.password({ length: 16 }) } }) },
  'POST /v1/artists': { extra: (world) => ({ body: artistFactory.build({ labelId: world.labelId }) }) },
  'PATCH /v1/artists/{id}': { extra: () => ({ body: { name: artistFactory.build().name } }) },
  'POST /v1/releases': {
    extra: (world) => ({ body: releaseBody([world.artistId], { labelId: world.labelId }) }),
  },
  'PATCH /v1/releases/{id}': { extra: () => ({ body: { title: faker.music.songName().slice(0, 60) } }) },
  'POST /v1/releases/{id}/tracks': { extra: (world) => ({ body: trackBody(world.artistId, 2) }) },
  'PATCH /v1/releases/{id}/tracks/{trackId}': {
    extra: () => ({ body: { title: faker.music.songName().slice(0, 60) } }),
  },
  'POST /v1/releases/{id}/request-changes': {
    extra: () => ({ body: { reasons: [{ rule: 'M2', message: 'Please use title case' }] } }),
  },
  'POST /v1/releases/{id}/distribute': {
    extra: (world) => ({ body: { partnerIds: [world.otherPartner.id] } }),
  },
  'POST /v1/releases/{id}/deliveries': {
    extra: (world) => ({ body: { partnerIds: [world.otherPartner.id] } }),
  },
  'PUT /v1/releases/{id}/artwork': { extra: upload('artwork-3000.png', 'image/png') },
  'PUT /v1/releases/{id}/tracks/{trackId}/audio': {
    extra: upload('steady-31s-44100-16-stereo.flac', 'audio/flac'),
  },
  'POST /v1/partners': { extra: (world) => ({ body: partnerFactory.build({ transport: world.transport }) }) },
  'PATCH /v1/partners/{id}': { extra: () => ({ body: { leadTimeDays: 3 } }) },
  'POST /v1/partner-callbacks/{partnerId}': {
    extra: (_world, scene) => ({ body: ingested(scene.messageId ?? '') }),
  },
};

/** The path with the scene's parameter values filled in. */
export const concretePath = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} of ${template}`);
    return encodeURIComponent(value);
  });
