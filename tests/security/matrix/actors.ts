import type { Actor } from '@soundcheck/api/auth/actor.ts';
import { type ApiClient, createApiClient } from 'soundcheck/client/http-client.ts';
import { adminCredentials } from '../../factories/admin.ts';
import { createArtist } from '../../factories/artists.ts';
import { createPartner, type Partner, sftpTransport } from '../../factories/partners.ts';
import { type SignedInUser, signedIn, signIn } from '../../factories/signed-in.ts';
import { test } from '../../utils/test.ts';

/** Who calls: each relation to the owner's resource that the policy table can tell apart. */
export const ACTORS = [
  'anonymous',
  'artist (creator)',
  'artist (same label)',
  'label_manager (own label)',
  'label_manager (other label)',
  'reviewer',
  'partner (own)',
  'partner (other)',
  'admin',
] as const;
export type ActorName = (typeof ACTORS)[number];
export type SignedInActorName = Exclude<ActorName, 'anonymous'>;

/**
 * The accounts of one matrix file. The owner of every resource is `artist (creator)` in label `labelId`
 * (or, for partner resources, the partner `partner (own)` is bound to); the actors never change.
 */
export interface World {
  admin: SignedInUser;
  /** The owners' label. */
  labelId: string;
  /** An artist of the label, credited on every release the cells create (read only, never changed). */
  artistId: string;
  /** The partner `partner (other)` is bound to; never changed. */
  otherPartner: Partner;
  /** The transport new partners use: the file's SFTP mock. */
  transport: Record<string, unknown>;
  actors: Record<SignedInActorName, SignedInUser>;
}

/** The policy's view of a signed-in account. */
export const policyActor = (user: SignedInUser): Actor => ({
  id: user.id,
  email: user.email,
  role: user.role,
  labelId: user.labelId,
  partnerId: user.partnerId,
});

/**
 * A partner of its own, and (when `withAccount`) an account bound to it: `partner (own)` for the
 * partner's resources. Only that actor's cells need the account, and each account costs a password hash.
 */
export async function partnerWithAccount(
  api: ApiClient,
  world: Pick<World, 'admin' | 'transport'>,
  withAccount = true,
): Promise<{ partner: Partner; account: SignedInUser | null }> {
  const partner = await createPartner(api, world.admin, world.transport, { profile: 'release_by_release' });
  const account = withAccount
    ? await signedIn(api, world.admin, { role: 'partner', partnerId: partner.id })
    : null;
  return { partner, account };
}

/** The suite's `test` with the matrix's `world`: one set of accounts per file, made through the API. */
export const matrixTest = test
  // Hundreds of cells read back as the admin within a minute: the limit `npm run target` sets black-box too.
  .override({ appEnvironment: { RATE_LIMIT_PER_MINUTE: '100000' } })
  .extend('world', { scope: 'file' }, async ({ server, sftp }): Promise<World> => {
    const api = createApiClient(server.transport);
    const { email, password } = adminCredentials(server.inProcess === null);
    const admin = await signIn(api, email, password);
    const creator = await signedIn(api, admin, { role: 'artist' });
    const labelId = creator.labelId as string;
    const transport = sftpTransport(sftp);
    const partial = { admin, transport, labelId };
    const own = await partnerWithAccount(api, partial);
    const other = await partnerWithAccount(api, partial);
    return {
      ...partial,
      artistId: (await createArtist(api, creator, { labelId })).id,
      otherPartner: other.partner,
      actors: {
        'artist (creator)': creator,
        'artist (same label)': await signedIn(api, admin, { role: 'artist', labelId }),
        'label_manager (own label)': await signedIn(api, admin, { role: 'label_manager', labelId }),
        'label_manager (other label)': await signedIn(api, admin, { role: 'label_manager' }),
        reviewer: await signedIn(api, admin, { role: 'reviewer' }),
        'partner (own)': own.account as SignedInUser,
        'partner (other)': other.account as SignedInUser,
        admin,
      },
    };
  });
