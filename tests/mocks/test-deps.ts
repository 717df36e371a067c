import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '@soundcheck/api/config.ts';
import type { Deps } from '@soundcheck/api/deps.ts';
import { inlineQueue } from '@soundcheck/api/jobs/inline-queue.ts';
import { musicBrainzClient } from '@soundcheck/api/lookup/musicbrainz-client.ts';
import { userAgent } from '@soundcheck/api/lookup/open-musicbrainz.ts';
import { smtpMailer } from '@soundcheck/api/notifications/mailer.ts';
import type { RedisClient } from '@soundcheck/api/redis.ts';
import { openObjectStore } from '@soundcheck/api/storage/open-store.ts';

/**
 * The dependencies that talk to third parties, built from a configuration that points at the mocks: the
 * jobs run in-process (eagerly, `deps.queue.drain()` waits for them; retries back off 100× faster), MusicBrainz backs off in 100 ms steps
 * instead of seconds (the throttle keeps its real 1 s).
 */
export function externalDeps(
  config: Config,
  redis: RedisClient,
  clock: Deps['clock'],
): Pick<Deps, 'storage' | 'queue' | 'mailer' | 'musicbrainz'> {
  if (!config.smtpUrl) throw new Error('the test configuration has no SMTP_URL');
  return {
    storage: openObjectStore(config),
    queue: inlineQueue(() => {}, 0.01),
    mailer: smtpMailer(config.smtpUrl, config.smtpFrom),
    musicbrainz: musicBrainzClient({
      baseUrl: config.musicbrainzBaseUrl,
      userAgent: userAgent(config),
      redis,
      now: () => clock.now().getTime(),
      sleep: (ms) => sleep(ms),
      backoffMs: 100,
    }),
  };
}
