/**
 * The first admin: in-process runs bootstrap this account (tests/utils/test.ts); black-box runs sign in
 * with the deployment's BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD.
 */
export function adminCredentials(blackBox: boolean): { email: string; password: string } {
  if (!blackBox) return { email: 'admin@soundcheck.test', password: 'bootstrap-admin-password' };
  const email = process.env.BOOTSTRAP_ADMIN_EMAIL;
  const password = process.env.BOOTSTRAP_ADMIN_PASSWORD;
  if (!email || !password) {
    throw new Error(
      'black-box runs need BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD of the deployment under test',
    );
  }
  return { email, password };
}
