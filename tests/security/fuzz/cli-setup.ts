import type { ApiClient } from 'soundcheck/client/http-client.ts';
import type { FuzzOptions } from 'soundcheck/fuzz/runner.ts';
import { adminCredentials } from '../../factories/admin.ts';
import { signIn } from '../../factories/signed-in.ts';
import { fuzzSetup } from './fuzz-setup.ts';

/**
 * `soundcheck fuzz --setup tests/security/fuzz/cli-setup.ts`: the same actors as the fuzz tests, signed
 * in on the deployment as its BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD.
 */
export default async function setup(
  api: ApiClient,
  { budget }: { budget: number },
): Promise<Partial<FuzzOptions>> {
  const { email, password } = adminCredentials(true);
  return fuzzSetup(api, await signIn(api, email, password), budget);
}
