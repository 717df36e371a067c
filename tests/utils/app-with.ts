import { randomBytes } from 'node:crypto';
import { buildApp } from '@soundcheck/api/app.ts';
import type { Deps } from '@soundcheck/api/deps.ts';
import { type ApiClient, createApiClient, injectTransport } from 'soundcheck/client/http-client.ts';

/**
 * A second app on the test file's database with some dependencies or settings replaced (a tiny limit, a
 * broken Redis), whose requests come from `remoteAddress` so its buckets are its own.
 */
export async function appWith(
  deps: Deps,
  changes: { config?: Partial<Deps['config']>; redis?: Deps['redis']; remoteAddress: string },
): Promise<{ api: ApiClient; close(): Promise<void> }> {
  const app = await buildApp({
    ...deps,
    config: { ...deps.config, ...changes.config },
    redis: changes.redis ?? deps.redis,
  });
  const api = createApiClient(
    injectTransport((options) => app.inject({ ...options, remoteAddress: changes.remoteAddress })),
  );
  return { api, close: () => app.close() };
}

/** A documentation address (RFC 3849) of its own for each test, so no two tests share an IP bucket. */
export const testIp = (): string =>
  `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

/** `count` failed sign-ins as `email` (passwords `guess-0`, `guess-1`, …) from `client`; their statuses. */
export async function wrongGuesses(
  client: { post: ApiClient['post'] },
  email: string,
  count: number,
  headers: (i: number) => Record<string, string> = () => ({}),
): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++)
    statuses.push(
      (await client.post('/v1/auth/login', { email, password: `guess-${i}` }, headers(i))).status,
    );
  return statuses;
}
