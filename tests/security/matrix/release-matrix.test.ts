import type { Action } from '@soundcheck/api/policy/table.ts';
import { createApiClient } from 'soundcheck/client/http-client.ts';
import { adminCredentials } from '../../factories/admin.ts';
import { type Release, releaseFactory } from '../../factories/releases.ts';
import { type SignedInUser, signedIn, signIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { expectedOutcome, observedOutcome } from './expected-outcome.ts';
import { operationPolicy } from './operation-policy.ts';

const ACTORS = [
  'anonymous',
  'artist (creator)',
  'artist (same label)',
  'label_manager (own label)',
  'label_manager (other label)',
  'reviewer',
  'partner',
  'admin',
] as const;
type ActorName = (typeof ACTORS)[number];

/** The operations on one release with a body valid for each (shape is checked before visibility, so it must pass). */
const OPERATIONS: Record<string, { body?: unknown; mutates: boolean }> = {
  'GET /v1/releases/{id}': { mutates: false },
  'GET /v1/releases/{id}/history': { mutates: false },
  'GET /v1/releases/{id}/tracks': { mutates: false },
  'POST /v1/releases/{id}/validate': { mutates: false },
  'PATCH /v1/releases/{id}': { body: { title: 'Matrix' }, mutates: true },
  'DELETE /v1/releases/{id}': { mutates: true },
  'POST /v1/releases/{id}/submit': { mutates: true },
  'POST /v1/releases/{id}/withdraw': { mutates: true },
  'POST /v1/releases/{id}/start-review': { mutates: true },
  'POST /v1/releases/{id}/request-changes': {
    body: { reasons: [{ rule: 'M1', message: 'x' }] },
    mutates: true,
  },
  'POST /v1/releases/{id}/approve': { mutates: true },
  'POST /v1/releases/{id}/archive': { mutates: true },
  'POST /v1/releases/{id}/distribute': {
    body: { partnerIds: ['01a23b64-0000-7000-8000-000000000000'] },
    mutates: true,
  },
  'POST /v1/releases/{id}/revise': { mutates: true },
  'POST /v1/releases/{id}/takedown': { mutates: true },
};

interface World {
  admin: SignedInUser;
  /** The release of the cells that change nothing (reads and refusals). */
  shared: Release;
  actors: Record<Exclude<ActorName, 'anonymous'>, SignedInUser>;
}

const matrixTest = test.extend('world', { scope: 'file' }, async ({ server }): Promise<World> => {
  const api = createApiClient(server.transport);
  const { email, password } = adminCredentials(server.inProcess === null);
  const admin = await signIn(api, email, password);
  const creator = await signedIn(api, admin, { role: 'artist' });
  const labelId = creator.labelId ?? undefined;
  return {
    admin,
    shared: await releaseFactory.single().as(api, creator).create(),
    actors: {
      'artist (creator)': creator,
      'artist (same label)': await signedIn(api, admin, { role: 'artist', ...(labelId ? { labelId } : {}) }),
      'label_manager (own label)': await signedIn(api, admin, {
        role: 'label_manager',
        ...(labelId ? { labelId } : {}),
      }),
      'label_manager (other label)': await signedIn(api, admin, { role: 'label_manager' }),
      reviewer: await signedIn(api, admin, { role: 'reviewer' }),
      partner: await signedIn(api, admin, { role: 'partner' }),
      admin,
    },
  };
});

const cells = Object.keys(OPERATIONS).flatMap((operation) =>
  ACTORS.map((actor) => [operation, actor] as const),
);

describe('authorization matrix: every operation on a release × every actor, expected from the policy table', {
  tags: ['security', 'tenancy'],
}, () => {
  matrixTest.for(cells)('%s as %s', async ([operation, actorName], { api, world }) => {
    const creator = world.actors['artist (creator)'];
    const release = await releaseFactory.single().as(api, creator).create();
    const actor = actorName === 'anonymous' ? null : world.actors[actorName];
    const action = operationPolicy[operation] as Action;
    const expected = expectedOutcome(
      actor && {
        id: actor.id,
        email: actor.email,
        role: actor.role,
        labelId: actor.labelId,
        partnerId: actor.partnerId,
      },
      action,
      'release:read',
      { id: release.id, labelId: creator.labelId, createdBy: creator.id },
    );
    const [method = 'GET', template = ''] = operation.split(' ');
    const { body } = OPERATIONS[operation] ?? {};
    const before = await api.as(world.admin).get(`/v1/releases/${release.id}`);
    const client = actor ? api.as(actor) : api;
    const response = await client.request({
      method,
      path: template.replace('{id}', release.id),
      ...(body ? { body } : {}),
    });
    expect({ operation, actor: actorName, outcome: observedOutcome(response.status) }).toEqual({
      operation,
      actor: actorName,
      outcome: expected,
    });
    if (expected === 'allowed') return;
    expect(response.body).toMatchObject({
      code: { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[expected] ?? expect.any(String),
    });
    // A refusal writes nothing.
    expect((await api.as(world.admin).get(`/v1/releases/${release.id}`)).text).toBe(before.text);
  });
});
