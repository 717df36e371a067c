/**
 * `npm run fuzz:long [-- --budget n]`: the long form of the schema-driven fuzzer (nightly) — our API started
 * as a black-box target on a fresh database, then `soundcheck fuzz` against it with the suite's actors
 * (10,000 requests by default), its findings and SARIF in the run folder. Exits with the fuzzer's code.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultUrls } from 'soundcheck/services/health.ts';
import { startBlackBoxTarget, targetAdmin } from '../blackbox/target.ts';

const cli = fileURLToPath(new URL('../../soundcheck/src/cli.ts', import.meta.url));
const setup = fileURLToPath(new URL('../security/fuzz/cli-setup.ts', import.meta.url));
const extra = process.argv.slice(2);

const target = await startBlackBoxTarget({
  name: 'fuzz_long',
  postgresUrl: defaultUrls.postgres,
  redisUrl: defaultUrls.redis,
});
try {
  const fuzz = spawnSync(
    process.execPath,
    [cli, 'fuzz', '--target', target.url, '--setup', setup, '--budget', '10000', ...extra],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        BOOTSTRAP_ADMIN_EMAIL: targetAdmin.email,
        BOOTSTRAP_ADMIN_PASSWORD: targetAdmin.password,
      },
    },
  );
  process.exitCode = fuzz.status ?? 1;
} finally {
  await target.stop();
}
