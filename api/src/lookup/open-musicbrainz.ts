import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { serviceLog } from '../log.ts';
import type { RedisClient } from '../redis.ts';
import { type MusicBrainzClient, musicBrainzClient } from './musicbrainz-client.ts';

const VERSION = '1.0.0';

/** MusicBrainz asks for `AppName/version ( contact )`; the contact is the notification sender's address. */
export function userAgent(config: Config): string {
  const contact = /<([^>]+)>/.exec(config.smtpFrom)?.[1] ?? config.smtpFrom;
  return `Soundcheck/${VERSION} ( ${contact} )`;
}

export function openMusicBrainz(config: Config, redis: RedisClient, clock: Clock): MusicBrainzClient {
  return musicBrainzClient({
    baseUrl: config.musicbrainzBaseUrl,
    userAgent: userAgent(config),
    redis,
    now: () => clock.now().getTime(),
    sleep: (ms) => sleep(ms),
    log: serviceLog(config, 'info'),
  });
}
