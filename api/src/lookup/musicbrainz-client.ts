import { request } from 'undici';
import { ApiError } from '../http/errors.ts';
import type { RedisClient } from '../redis.ts';
import type { BarcodeLookup, IsrcLookup, MbRecording, MbRelease } from './musicbrainz-types.ts';
import { redisThrottle } from './throttle.ts';

/** One HTTP exchange; the default goes through undici (and so through the test suite's outbound guard). */
export type MbTransport = (
  url: string,
  headers: Record<string, string>,
) => Promise<{ status: number; body: string }>;

export interface MusicBrainzOptions {
  baseUrl: string;
  userAgent: string;
  redis: RedisClient;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  transport?: MbTransport;
  /**
   * Spacing between the claims to send (`throttle.ts`), from every process together. MusicBrainz allows
   * an average of one request a second; 1.1 s leaves room for the time between a claim and the request
   * reaching the wire, which differs from one request to the next.
   */
  intervalMs?: number;
  /** Told of every request before it is sent, with the time of its throttle claim. */
  log?: (details: { url: string; claimedAt: number }, msg: string) => void;
  /** Tries on 503 (or a network failure) before giving up with 502, backing off 1 s, 2 s, 4 s… */
  attempts?: number;
  backoffMs?: number;
  cacheSeconds?: number;
}

export interface MusicBrainzClient {
  recordingsByIsrc(isrc: string): Promise<IsrcLookup>;
  releasesByBarcode(upc: string): Promise<BarcodeLookup>;
}

export const undiciTransport: MbTransport = async (url, headers) => {
  const response = await request(url, { headers, headersTimeout: 10_000, bodyTimeout: 10_000 });
  return { status: response.statusCode, body: await response.body.text() };
};

const artistsOf = (credits: Array<{ name: string }> | undefined) =>
  (credits ?? []).map((credit) => credit.name);

const upstream = (detail: string) =>
  new ApiError('UPSTREAM_UNAVAILABLE', `MusicBrainz ${detail}; try again later`);

/**
 * MusicBrainz WS/2 lookups: one Redis-shared throttle for every process, answers cached in Redis, 503s
 * retried with exponential backoff, then 502 UPSTREAM_UNAVAILABLE.
 */
export function musicBrainzClient(options: MusicBrainzOptions): MusicBrainzClient {
  const { redis, userAgent, sleep } = options;
  const transport = options.transport ?? undiciTransport;
  const attempts = options.attempts ?? 4;
  const backoffMs = options.backoffMs ?? 1000;
  const cacheSeconds = options.cacheSeconds ?? 24 * 3600;
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const throttle = redisThrottle(
    redis,
    'musicbrainz:throttle',
    options.intervalMs ?? 1100,
    options.now,
    sleep,
  );

  /** The parsed JSON of a GET, or null for a 404. */
  async function get(path: string): Promise<unknown> {
    const url = new URL(path, base).toString();
    for (let attempt = 1; ; attempt++) {
      const claimedAt = await throttle.acquire();
      options.log?.({ url, claimedAt }, 'MusicBrainz request');
      let response: { status: number; body: string } | null = null;
      try {
        response = await transport(url, { 'user-agent': userAgent, accept: 'application/json' });
      } catch {
        response = null; // network failure: retried like a 503
      }
      if (response && response.status !== 503) {
        if (response.status === 404) return null;
        if (response.status !== 200) throw upstream(`answered ${response.status}`);
        try {
          return JSON.parse(response.body);
        } catch {
          throw upstream('answered with a body that is not JSON');
        }
      }
      if (attempt >= attempts)
        throw upstream(response ? 'is rate limiting or unavailable (503)' : 'cannot be reached');
      await sleep(backoffMs * 2 ** (attempt - 1));
    }
  }

  async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = await redis.get(key);
    if (hit) return JSON.parse(hit) as T;
    const value = await load();
    await redis.set(key, JSON.stringify(value), 'EX', cacheSeconds);
    return value;
  }

  return {
    recordingsByIsrc: (isrc) =>
      cached(`musicbrainz:isrc:${isrc}`, async () => {
        const body = (await get(`isrc/${encodeURIComponent(isrc)}?inc=artist-credits&fmt=json`)) as {
          recordings?: MbRecording[];
        } | null;
        return {
          isrc,
          recordings: (body?.recordings ?? []).map((recording) => ({
            mbid: recording.id,
            title: recording.title,
            lengthMs: recording.length ?? null,
            firstReleaseDate: recording['first-release-date'] || null,
            artists: artistsOf(recording['artist-credit']),
          })),
        };
      }),
    releasesByBarcode: (upc) =>
      cached(`musicbrainz:barcode:${upc}`, async () => {
        const body = (await get(`release?query=${encodeURIComponent(`barcode:${upc}`)}&fmt=json`)) as {
          releases?: MbRelease[];
        } | null;
        return {
          upc,
          releases: (body?.releases ?? []).map((release) => ({
            mbid: release.id,
            title: release.title,
            date: release.date || null,
            country: release.country || null,
            trackCount: release['track-count'] ?? null,
            artists: artistsOf(release['artist-credit']),
          })),
        };
      }),
  };
}
