import type { Actor } from '@soundcheck/api/auth/actor.ts';
import type { Deps } from '@soundcheck/api/deps.ts';
import type { PolicyResource } from '@soundcheck/api/policy/conditions.ts';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { createArtist } from '../../factories/artists.ts';
import { attachAssets } from '../../factories/assets.ts';
import { settledDeliveries } from '../../factories/delivered-release.ts';
import { expectStatus } from '../../factories/expect-status.ts';
import type { Partner } from '../../factories/partners.ts';
import { queueDeliveriesOf } from '../../factories/queued-delivery.ts';
import { releaseFactory } from '../../factories/releases.ts';
import { type SignedInUser, signedIn } from '../../factories/signed-in.ts';
import { userFactory } from '../../factories/users.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { knownBarcode, knownIsrc } from '../../mocks/musicbrainz.ts';
import type { Background } from '../../utils/background.ts';
import { type ActorName, partnerWithAccount, policyActor, type World } from './actors.ts';

/** What an operation's path names, found from its template; a template no rule knows fails the cell. */
export type Kind =
  | 'none'
  | 'lookup'
  | 'label'
  | 'user'
  | 'artist'
  | 'release'
  | 'track'
  | 'asset'
  | 'partner'
  | 'delivery'
  | 'callback';

const kindRules: Array<[RegExp, Kind]> = [
  [/^\/v1\/labels(\/|$)/, 'label'],
  [/^\/v1\/users(\/|$)/, 'user'],
  [/^\/v1\/artists(\/|$)/, 'artist'],
  [/^\/v1\/releases\/\{id\}\/tracks\/\{trackId\}/, 'track'],
  [/^\/v1\/releases(\/|$)/, 'release'],
  [/^\/v1\/assets\//, 'asset'],
  [/^\/v1\/partners(\/|$)/, 'partner'],
  [/^\/v1\/deliveries(\/|$)/, 'delivery'],
  [/^\/v1\/partner-callbacks\//, 'callback'],
  [/^\/v1\/lookup\//, 'lookup'],
  [/^\/(health|ready|v1\/auth\/[a-z]+|v1\/me)$/, 'none'],
];

export function kindOf(template: string): Kind {
  const rule = kindRules.find(([pattern]) => pattern.test(template));
  if (!rule) throw new Error(`the matrix knows no resource for ${template}: add a rule to kindRules`);
  return rule[1];
}

/** The `*:read` action that decides whether a resource of the kind is visible (404 otherwise). */
export const readActionOf = {
  label: 'label:read',
  user: 'user:read',
  artist: 'artist:read',
  release: 'release:read',
  track: 'release:read',
  asset: 'release:read',
  partner: 'partner:read',
  delivery: 'delivery:read',
} as const;

/** The owner's resource one cell works on, fresh for the cell unless it says otherwise. */
export interface Scene {
  /** The values of the path's parameters. */
  params: Record<string, string>;
  /** What the policy knows about the resource. */
  resource: PolicyResource;
  /** The id a list of this kind shows to those who may read the resource. */
  listedId?: string;
  /** The resource as the admin reads it through the API: the same text before and after a refusal. */
  snapshot(): Promise<string>;
  /** The partner that owns the resource, and the account `partner (own)` acts as for it. */
  partner?: { partner: Partner; account: SignedInUser | null };
  messageId?: string;
  /** The caller, when the resource is its own account (made for the cell). */
  account?: SignedInUser;
}

export interface SceneContext {
  api: ApiClient;
  world: World;
  background: Background;
  /** The in-process app's dependencies; null black-box, where everything goes through the API. */
  deps: Deps | null;
  /** Who will call: a partner's account is only made for `partner (own)`. */
  actorName: ActorName;
}

/** Reads `paths` as the admin and joins the answers: the resource's state as the API shows it. */
const reads =
  (ctx: SceneContext, ...paths: string[]) =>
  async () => {
    const texts: string[] = [];
    for (const path of paths) {
      const response = await ctx.api.as(ctx.world.admin).get(path);
      // Only a 200 shows the resource: two equal refusals (a 429, say) would prove nothing.
      if (response.status !== 200)
        throw new Error(`GET ${path} as the admin: ${response.status} ${response.text}`);
      texts.push(`${path} ${response.text}`);
    }
    return texts.join('\n');
  };

const creatorOf = (world: World) => world.actors['artist (creator)'];

async function releaseScene(ctx: SceneContext): Promise<Scene> {
  const { world } = ctx;
  const creator = creatorOf(world);
  const release = await releaseFactory
    .single()
    .params({ primaryArtistIds: [world.artistId] })
    .as(ctx.api, creator)
    .create();
  const id = release.id;
  return {
    params: { id, trackId: release.tracks[0]?.id ?? '' },
    resource: { id, labelId: world.labelId, createdBy: creator.id },
    listedId: id,
    snapshot: reads(ctx, `/v1/releases/${id}`, `/v1/releases/${id}/history`),
  };
}

/** Black-box: distributed through the API, once the target's workers are done with it (it changes no more). */
async function distributedDelivery(ctx: SceneContext, releaseId: string, partnerId: string) {
  const { api, world } = ctx;
  const path = `/v1/releases/${releaseId}/distribute`;
  expectStatus(await api.as(world.admin).post(path, { partnerIds: [partnerId] }), 200, 'distribute');
  return (await settledDeliveries(api, ctx.background, world.admin, releaseId, 1))[0];
}

/**
 * A delivery of a release of the owners' label to a partner of its own. In-process it is written queued and
 * never enqueued (as fast as a row, and nothing moves it while the cell runs).
 */
async function deliveryScene(ctx: SceneContext): Promise<Scene> {
  const { api, world } = ctx;
  const owned = await partnerWithAccount(api, world, ctx.actorName === 'partner (own)');
  const factory = releaseFactory.single().params({ primaryArtistIds: [world.artistId] });
  const party = { owner: creatorOf(world), reviewer: world.admin };
  const release = await WorkflowFactory.release(api, party, 'approved', factory);
  const delivery = ctx.deps
    ? (await queueDeliveriesOf(ctx.deps, release.id, [owned.partner.id]))[0]
    : await distributedDelivery(ctx, release.id, owned.partner.id);
  if (!delivery) throw new Error(`release ${release.id} has no delivery`);
  return {
    params: { id: delivery.id, partnerId: owned.partner.id },
    resource: { id: delivery.id, labelId: world.labelId, partnerId: owned.partner.id },
    listedId: delivery.id,
    snapshot: reads(ctx, `/v1/deliveries/${delivery.id}`),
    partner: owned,
    messageId: delivery.messageId ?? '',
  };
}

/** An account as the policy sees it, as a resource: `self` is decided by its id. */
export const accountResource = (account: Pick<Actor, 'id' | 'labelId' | 'role'>): PolicyResource => ({
  id: account.id,
  labelId: account.labelId,
  role: account.role,
});

/**
 * The caller's own account as the resource: a fresh account of the actor's role, label and partner (what the
 * policy knows of the actor), so a change that goes through leaves the file's actors as they were.
 * Anonymous has none: it gets any user, as the plain row does.
 */
export async function ownAccountScene(ctx: SceneContext): Promise<Scene> {
  const { api, world, actorName } = ctx;
  if (actorName === 'anonymous') return sceneFor('user', ctx);
  const { role, labelId, partnerId } = world.actors[actorName];
  const account = await signedIn(api, world.admin, {
    role,
    ...(labelId ? { labelId } : {}),
    ...(partnerId ? { partnerId } : {}),
  });
  return {
    params: { id: account.id },
    resource: accountResource(policyActor(account)),
    snapshot: reads(ctx, `/v1/users/${account.id}`),
    account,
  };
}

/** Creates the owner's resource of `kind` for one cell. */
export async function sceneFor(kind: Kind, ctx: SceneContext): Promise<Scene> {
  const { api, world } = ctx;
  const nothing = async () => '';
  switch (kind) {
    case 'none':
      return { params: {}, resource: {}, snapshot: nothing };
    case 'lookup':
      return { params: { isrc: knownIsrc, upc: knownBarcode }, resource: {}, snapshot: nothing };
    case 'label': {
      // The owners' own label: its members and their resources are what `ownLabel` is about.
      const id = world.labelId;
      return {
        params: { id },
        resource: { id, labelId: id },
        listedId: id,
        snapshot: reads(ctx, `/v1/labels/${id}`),
      };
    }
    case 'user': {
      const body = userFactory.build({ role: 'artist', labelId: world.labelId });
      const user = expectStatus(
        await api.as(world.admin).post<{ id: string }>('/v1/users', body),
        201,
        'POST /v1/users',
      );
      const resource = { id: user.id, labelId: world.labelId, role: 'artist' as const };
      return {
        params: { id: user.id },
        resource,
        listedId: user.id,
        snapshot: reads(ctx, `/v1/users/${user.id}`),
      };
    }
    case 'artist': {
      const creator = creatorOf(world);
      const artist = await createArtist(api, creator, { labelId: world.labelId });
      const resource = { id: artist.id, labelId: world.labelId, createdBy: creator.id };
      return {
        params: { id: artist.id },
        resource,
        listedId: artist.id,
        snapshot: reads(ctx, `/v1/artists/${artist.id}`),
      };
    }
    case 'release':
    case 'track':
      return releaseScene(ctx);
    case 'asset': {
      const scene = await releaseScene(ctx);
      const { artworkId } = await attachAssets(api, creatorOf(world), {
        id: scene.params.id ?? '',
        tracks: [],
      });
      const id = artworkId ?? '';
      return {
        ...scene,
        params: { id },
        snapshot: reads(ctx, `/v1/assets/${id}`, `/v1/releases/${scene.params.id}`),
      };
    }
    case 'partner': {
      const owned = await partnerWithAccount(api, world, ctx.actorName === 'partner (own)');
      const id = owned.partner.id;
      return {
        params: { id },
        resource: { id, partnerId: id },
        listedId: id,
        snapshot: reads(ctx, `/v1/partners/${id}`),
        partner: owned,
      };
    }
    case 'delivery':
    case 'callback':
      return deliveryScene(ctx);
  }
}
