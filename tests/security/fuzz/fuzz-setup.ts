import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { IdPool } from 'soundcheck/fuzz/id-pool.ts';
import type { FuzzOptions } from 'soundcheck/fuzz/runner.ts';
import type { FuzzActor } from 'soundcheck/fuzz/session.ts';
import { releaseFactory } from '../../factories/releases.ts';
import { type SignedInUser, signedIn, signIn } from '../../factories/signed-in.ts';

const REQUESTS_PER_ADMIN = 400;

/** Sessions for operations that end the session they are sent with (a logout): a fresh one each time. */
async function disposableSessions(api: ApiClient, user: SignedInUser, count: number): Promise<FuzzActor> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 1) tokens.push((await signIn(api, user.email, user.password)).accessToken);
  return { name: `${user.role} (a session of its own)`, token: () => tokens.shift() ?? user.accessToken };
}

/**
 * What the fuzzer needs to reach past the 404s of random ids, for this API: the admin as actor, a label
 * with an artist, a release and its track to act on (seeded into the id pool), a label manager of
 * another label as the outsider of the existence check, and throwaway sessions for the logout.
 */
export async function fuzzSetup(
  api: ApiClient,
  admin: SignedInUser,
  budget: number,
): Promise<Pick<FuzzOptions, 'actor' | 'actorFor' | 'outsiderToken' | 'pool'>> {
  // Each account has its own request budget per minute (600 by default): enough admins take turns.
  const admins = [admin];
  while (admins.length * REQUESTS_PER_ADMIN < budget)
    admins.push(await signedIn(api, admin, { role: 'admin' }));
  let turn = 0;
  const manager = await signedIn(api, admin, { role: 'label_manager' });
  const outsider = await signedIn(api, admin, { role: 'label_manager' });
  const release = await releaseFactory.single().as(api, manager).create();
  const pool = new IdPool();
  if (manager.labelId) pool.add('/v1/labels', { params: {}, id: manager.labelId });
  pool.add('/v1/users', { params: {}, id: manager.id });
  for (const artistId of release.primaryArtistIds) pool.add('/v1/artists', { params: {}, id: artistId });
  pool.add('/v1/releases', { params: {}, id: release.id });
  for (const track of release.tracks)
    pool.add('/v1/releases/{id}/tracks', { params: { id: release.id }, id: track.id });
  return {
    actor: { name: 'admin', token: () => (admins[turn++ % admins.length] ?? admin).accessToken },
    actorFor: { 'POST /v1/auth/logout': await disposableSessions(api, outsider, 4) },
    outsiderToken: outsider.accessToken,
    pool,
  };
}
