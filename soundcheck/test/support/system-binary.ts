import { spawnSync } from 'node:child_process';

/**
 * Why a Debian binary the test needs cannot run, or null when it can. In strict mode (CI) a missing
 * binary is an error, not a skip: `.ci/run` installs it.
 */
export function systemBinaryMissing(binary: string, debianPackage: string): string | null {
  const found = spawnSync(binary, ['--version'], { stdio: 'ignore' });
  if (!found.error) return null;
  const reason = `${binary} is not installed (Debian: apt-get install ${debianPackage})`;
  if (process.env.SOUNDCHECK_STRICT === '1') throw new Error(reason);
  return reason;
}
