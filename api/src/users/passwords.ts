import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id parameters. `owasp` is OWASP's recommended minimum (19 MiB, 2 passes, 1 lane) and what
 * production uses; `test` (1 MiB, 1 pass) is for test suites, where every signed-in user costs a hash and a
 * verification (config refuses it when NODE_ENV=production). A hash carries its own parameters, so either
 * verifies against the other.
 */
export const passwordHashCosts = {
  owasp: { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 },
  test: { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 },
} as const;

export type PasswordHashCost = keyof typeof passwordHashCosts;

export const hashPassword = (password: string, cost: PasswordHashCost): Promise<string> =>
  hash(password, passwordHashCosts[cost]);

/** Whether `password` matches `passwordHash`; a malformed hash is a mismatch, not an error. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

const decoys = new Map<PasswordHashCost, Promise<string>>();

/**
 * A hash of a random password with the accounts' parameters, checked when the e-mail is unknown so that an
 * unknown account costs as much time as a wrong password (no user enumeration by timing).
 */
export function decoyHash(cost: PasswordHashCost): Promise<string> {
  const decoy = decoys.get(cost) ?? hashPassword(randomBytes(16).toString('hex'), cost);
  decoys.set(cost, decoy);
  return decoy;
}
