import { randomUUID } from 'node:crypto';
import type { ApiClient, ApiRequest, ApiResponse } from 'soundcheck/client/http-client.ts';
import { expect } from 'vitest';
import { signIn } from '../../factories/signed-in.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { signedCallback } from '../../utils/contract/sign-callback.ts';
import { type ActorName, policyActor, type World } from './actors.ts';
import { callOf, isCreation, isList } from './call.ts';
import { contractOutcomes, listed, observedOutcome, outcomeOf } from './expected-outcome.ts';
import { concretePath, recipes } from './requests.ts';
import { cellText, creationResource, reviewedMatrix } from './reviewed-matrix.ts';
import { ownAccountScene, type Scene, type SceneContext, sceneFor } from './scenes.ts';

const reviewed = reviewedMatrix();

/** The account `actorName` stands for in this scene (a partner resource comes with its own partner's). */
function accountOf(world: World, scene: Scene, actorName: ActorName) {
  if (actorName === 'anonymous') return null;
  if (scene.account) return scene.account;
  if (actorName === 'partner (own)' && scene.partner?.account) return scene.partner.account;
  return world.actors[actorName];
}

/** Headers of a partner acknowledgement: signed with the actor's partner's secret, if it has one. */
function signatureOf(world: World, scene: Scene, actorName: ActorName, body: unknown) {
  const secret =
    actorName === 'partner (own)'
      ? scene.partner?.partner.callbackSecret
      : actorName === 'partner (other)'
        ? world.otherPartner.callbackSecret
        : undefined;
  const signed = signedCallback(secret ?? 'no-secret', body as object);
  return secret
    ? { payload: signed.payload, headers: signed.headers }
    : { payload: signed.payload, headers: { 'content-type': 'application/json' } };
}

/** Volatile fields of a problem body (they differ per request, not per resource). */
const steady = (body: unknown) =>
  Object.fromEntries(Object.entries(body as object).filter(([key]) => !/request|instance|trace/i.test(key)));

/** The ids of what the admin sees at `path` (newest first), to find what a refused creation left. */
async function newestAsAdmin(api: ApiClient, world: World, path: string) {
  const page = await api
    .as(world.admin)
    .get<{ items?: Array<Record<string, unknown>> }>(`${path}?limit=100&sort=-createdAt`);
  return page.body.items ?? [];
}

export interface CellContext extends Omit<SceneContext, 'actorName'> {
  blackBox: boolean;
}

/**
 * One cell: the owner's resource is created, `actorName` calls `operation` on it, the outcome must be the
 * policy table's, a refusal must carry its code (a 404 the very body of a missing id), and must have
 * written nothing — read back through the API as the admin.
 */
export async function runCell(operation: string, actorName: ActorName, ctx: CellContext): Promise<void> {
  const { api, world } = ctx;
  const call = callOf(operation);
  const sceneContext = { ...ctx, actorName };
  const scene = await (call.variant?.ownAccount
    ? ownAccountScene(sceneContext)
    : sceneFor(call.kind, sceneContext));
  const account = accountOf(world, scene, actorName);
  const creation = isCreation(call);
  const resource = creation ? creationResource(world.labelId) : scene.resource;
  const expected = outcomeOf(call, actorName, account && policyActor(account), resource);
  const list = isList(call);
  const shows = list && account ? listed(call, policyActor(account), scene.resource) : undefined;
  // The policy table and the reviewed matrix agree: a policy change needs its matrix diff committed.
  expect(
    cellText(expected, shows),
    `the policy table gives ${operation} as ${actorName} another outcome than authorization-matrix.md; review the change and regenerate it (vitest -u)`,
  ).toBe(reviewed[operation]?.[actorName]);
  const recipe = recipes[call.operation] ?? {};
  const body = call.variant?.body;
  const extra = body ? { body } : ((await recipe.extra?.(world, scene, api)) ?? {});
  // Newest first: the scene's fresh resource is on the first page whoever else writes meanwhile.
  const path = concretePath(call.template, scene.params) + (list ? '?limit=100&sort=-createdAt' : '');
  const request: ApiRequest = { method: call.method, path, ...extra };
  const caller =
    account && recipe.freshSession ? await signIn(api, account.email, account.password) : account;
  const client = caller ? api.as(caller) : api;
  const send = (req: ApiRequest): Promise<ApiResponse> =>
    call.policy === 'partner-signature'
      ? client.request({ ...req, body: undefined, ...signatureOf(world, scene, actorName, extra.body) })
      : client.request(req);

  const before = await scene.snapshot();
  const response = await send(request);
  const observed = observedOutcome(response.status);
  const accepted = ctx.blackBox ? contractOutcomes(expected, actorName, call) : [expected];
  expect(
    { operation, actor: actorName, outcome: observed },
    `${response.status} ${response.text.slice(0, 200)}`,
  ).toEqual({ operation, actor: actorName, outcome: accepted.includes(observed) ? observed : expected });

  if (observed === 'allowed') {
    // The recipe's request is valid: a 400 here would mean a cell that tested nothing.
    expect(response.status, `${operation} as ${actorName}: ${response.text.slice(0, 200)}`).not.toBe(400);
    if (shows !== undefined && scene.listedId) {
      const items = (response.body as { items?: Array<{ id: string }> }).items ?? [];
      const shown = items.some((item) => item.id === scene.listedId);
      // Black-box, only "not listed" is the contract's (tenancy); whether a role sees more is the policy's.
      if (!(ctx.blackBox && shows))
        expect({ operation, actor: actorName, listsTheOwnersResource: shown }).toEqual({
          operation,
          actor: actorName,
          listsTheOwnersResource: shows,
        });
    }
    return;
  }
  const code = { 401: undefined, 403: 'FORBIDDEN', 404: 'NOT_FOUND' } as const;
  await expectRefusal(api, response, {
    status: observed,
    ...(code[observed] ? { code: code[observed] } : {}),
  });
  if (observed === 401 && call.policy !== 'partner-signature')
    expect(response.headers['www-authenticate'] ?? '').toMatch(/^Bearer/);
  if (observed === 404) {
    // BOLA: the body of a resource that does not exist, to the byte but for the request's own ids.
    const missing = Object.fromEntries(Object.keys(scene.params).map((name) => [name, randomUUID()]));
    const absent = await send({ ...request, path: concretePath(call.template, missing) });
    expect({ status: absent.status, body: steady(absent.body) }).toEqual({
      status: 404,
      body: steady(response.body),
    });
  }
  // A refusal writes nothing: the resource reads the same, and a refused creation left no trace.
  expect(await scene.snapshot(), `${operation} as ${actorName} was refused but changed the resource`).toBe(
    before,
  );
  if (creation) {
    const body = (extra.body ?? {}) as Record<string, unknown>;
    const key = ['email', 'upc', 'name'].find((field) => typeof body[field] === 'string') as string;
    const items = await newestAsAdmin(api, world, call.template);
    expect(items.filter((item) => item[key] === body[key] || item[key] === `0${body[key]}`)).toEqual([]);
  }
}
