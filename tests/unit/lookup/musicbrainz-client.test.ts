import { readFileSync } from 'node:fs';
import { type MbTransport, musicBrainzClient } from '@soundcheck/api/lookup/musicbrainz-client.ts';
import { embeddedRedis } from '@soundcheck/api/redis.ts';
import { describe, expect, test } from 'vitest';

const sample = (file: string) =>
  readFileSync(new URL(`../../fixtures/musicbrainz/${file}`, import.meta.url), 'utf8');

/** Time that only moves when the client sleeps, so throttle and backoff are measured exactly. */
function fakeClock() {
  let now = 1_700_000_000_000;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

/** Answers from a list of responses in order, recording when (fake time) and what was asked. */
function scriptedTransport(
  clock: { now(): number },
  answers: Array<{ status: number; body: string } | Error>,
) {
  const calls: Array<{ at: number; url: string; headers: Record<string, string> }> = [];
  const transport: MbTransport = async (url, headers) => {
    calls.push({ at: clock.now(), url, headers });
    const answer = answers.shift() ?? { status: 200, body: sample('isrc_lookup_BET671300161.json') };
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { transport, calls };
}

function setup(answers: Array<{ status: number; body: string } | Error> = []) {
  const clock = fakeClock();
  const { transport, calls } = scriptedTransport(clock, answers);
  const client = musicBrainzClient({
    baseUrl: 'https://mb.test/ws/2',
    userAgent: 'Soundcheck/1.0.0 ( ops@soundcheck.test )',
    redis: embeddedRedis(`mb-unit-${Math.random()}:`),
    now: clock.now,
    sleep: clock.sleep,
    transport,
  });
  return { client, calls };
}

const gapsBetween = (calls: Array<{ at: number }>) =>
  calls.slice(1).map((call, i) => call.at - (calls[i]?.at ?? 0));

const ok = (file: string) => ({ status: 200, body: sample(file) });

describe('MusicBrainz client', { tags: ['unit', 'lookup'] }, () => {
  test('maps a recording lookup and sends a meaningful User-Agent', async () => {
    const { client, calls } = setup([ok('isrc_lookup_BET671300161.json')]);
    expect(await client.recordingsByIsrc('BET671300161')).toEqual({
      isrc: 'BET671300161',
      recordings: [
        {
          mbid: '16afa384-174e-435e-bfa3-5591accda31c',
          title: 'Formidable',
          lengthMs: 213000,
          firstReleaseDate: '2013-06-01',
          artists: [],
        },
      ],
    });
    expect(calls).toEqual([
      {
        at: expect.any(Number),
        url: 'https://mb.test/ws/2/isrc/BET671300161?inc=artist-credits&fmt=json',
        headers: { 'user-agent': 'Soundcheck/1.0.0 ( ops@soundcheck.test )', accept: 'application/json' },
      },
    ]);
  });

  test('maps a barcode search', async () => {
    const { client, calls } = setup([ok('release_search_barcode_602537479870.json')]);
    expect(await client.releasesByBarcode('602537479870')).toEqual({
      upc: '602537479870',
      releases: [
        {
          mbid: 'de57c1d9-5e65-420f-a896-1332e87d4c09',
          title: 'Racine carrée',
          date: '2013-08-16',
          country: 'BE',
          trackCount: 13,
          artists: ['Stromae'],
        },
      ],
    });
    expect(calls[0]?.url).toBe('https://mb.test/ws/2/release?query=barcode%3A602537479870&fmt=json');
  });

  test('a code MusicBrainz does not know is an empty list', async () => {
    const { client } = setup([{ status: 404, body: sample('error_404_not_found.json') }]);
    expect(await client.recordingsByIsrc('GBAYE0000001')).toEqual({ isrc: 'GBAYE0000001', recordings: [] });
  });

  test('spaces requests 1.1 s apart (one a second, with room for jitter)', async () => {
    const { client, calls } = setup();
    await client.recordingsByIsrc('BET671300161');
    await client.recordingsByIsrc('USRC17607839');
    await client.recordingsByIsrc('GBAYE0000001');
    expect(gapsBetween(calls)).toEqual([1100, 1100]);
  });

  test('answers a repeated lookup from the cache', async () => {
    const { client, calls } = setup([ok('isrc_lookup_BET671300161.json')]);
    const first = await client.recordingsByIsrc('BET671300161');
    expect(await client.recordingsByIsrc('BET671300161')).toEqual(first);
    expect(calls).toHaveLength(1);
  });

  test('retries a 503 with exponential backoff, then succeeds', async () => {
    const busy = { status: 503, body: '{"error":"rate limited"}' };
    const { client, calls } = setup([busy, busy, ok('isrc_lookup_BET671300161.json')]);
    expect((await client.recordingsByIsrc('BET671300161')).recordings).toHaveLength(1);
    // Backoff of 1 s then 2 s; the first retry also waits for its throttle slot (1.1 s after the first call).
    expect(gapsBetween(calls)).toEqual([1100, 2000]);
  });

  test('gives up with 502 UPSTREAM_UNAVAILABLE after its attempts, caching nothing', async () => {
    const busy = { status: 503, body: '' };
    const { client, calls } = setup([busy, busy, busy, new Error('ECONNRESET')]);
    await expect(client.recordingsByIsrc('BET671300161')).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      status: 502,
    });
    expect(gapsBetween(calls)).toEqual([1100, 2000, 4000]);
    expect((await client.recordingsByIsrc('BET671300161')).recordings).toHaveLength(1);
  });

  test('a body that is not JSON is 502, not a crash', async () => {
    const { client } = setup([{ status: 200, body: '{"recordings": [' }]);
    await expect(client.recordingsByIsrc('BET671300161')).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
    });
  });
});
