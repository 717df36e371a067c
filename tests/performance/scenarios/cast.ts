import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { adminCredentials } from '../../factories/admin.ts';
import { type SignedInUser, signedIn, signIn } from '../../factories/signed-in.ts';

/** Who acts in a load scenario: the target's bootstrap admin, a label manager, a reviewer. */
export interface Cast {
  admin: SignedInUser;
  manager: SignedInUser;
  reviewer: SignedInUser;
}

/**
 * Signs in the target's admin (its BOOTSTRAP_ADMIN_EMAIL / _PASSWORD: scenarios always speak HTTP) and
 * creates a label manager in a fresh label and a reviewer, through the API.
 */
export async function castOf(http: ApiClient): Promise<Cast> {
  const { email, password } = adminCredentials(true);
  const admin = await signIn(http, email, password);
  const manager = await signedIn(http, admin, { role: 'label_manager' });
  const reviewer = await signedIn(http, admin, { role: 'reviewer' });
  return { admin, manager, reviewer };
}

/** Runs `make` `count` times, `width` at a time: setup is not measured, but it should not take all day. */
export async function inBatches<T>(
  count: number,
  width: number,
  make: (index: number) => Promise<T>,
): Promise<T[]> {
  const made: T[] = [];
  for (let start = 0; start < count; start += width) {
    const batch = Array.from({ length: Math.min(width, count - start) }, (_, i) => make(start + i));
    made.push(...(await Promise.all(batch)));
  }
  return made;
}
