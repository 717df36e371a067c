import { readFileSync } from 'node:fs';
import fc from 'fast-check';

const dir = new URL('../../fixtures/payloads/', import.meta.url);
/** A string a URL and a JSON body can carry: no lone surrogate (`encodeURIComponent` throws on one). */
const wellFormed = (text: string) => {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
};
const lines = (file: string) =>
  readFileSync(new URL(file, dir), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#') && wellFormed(line));

/** The corpora of `tests/fixtures/payloads/` (NOTICE.md: sources and licences), one list per attack, and ours. */
const corpora = {
  naughty: (JSON.parse(readFileSync(new URL('blns.json', dir), 'utf8')) as string[]).filter(
    (s) => s !== '' && wellFormed(s),
  ),
  sqlInjection: [
    ...lines('sql-injection__detect__xplatform.txt'),
    ...lines('sql-injection__detect__GenericBlind.txt'),
  ],
  xss: [...lines('xss__XSSPolyglot.txt'), ...lines('xss__xss-rsnake.txt')],
  // Ours, not a corpus's: a NUL is valid JSON (`\u0000`) that PostgreSQL's text cannot hold, so a service that
  // passes it through answers 500 (the fuzzer found it in an artist name); the other C0 controls it can hold.
  controls: ['a\u0000b', '\u0000', 'tab\tline\nbell\u0007\u001f\u007f'],
};

/** The seed of every sample; printed by the tests so a failure can be replayed with `PAYLOAD_SEED`. */
export const payloadSeed = Number(process.env.PAYLOAD_SEED ?? 20231);

/** `count` items of `list` chosen by the seed and `salt` (a field's name, so each field gets its own sample). */
export function sampleOf<T>(list: readonly T[], salt: string, count: number): T[] {
  let seed = payloadSeed;
  for (const char of salt) seed = (seed * 31 + char.charCodeAt(0)) | 0;
  const size = Math.min(count, list.length);
  return fc.sample(fc.shuffledSubarray([...list], { minLength: size, maxLength: size }), {
    seed,
    numRuns: 1,
  })[0]!;
}

/**
 * `perCorpus` payloads from each corpus for one field (every control string: there are three): a bounded number of requests that still reaches the
 * whole corpus across fields and seeds.
 */
export function samplePayloads(salt: string, perCorpus: number): string[] {
  return Object.values(corpora).flatMap((corpus) => sampleOf(corpus, salt, perCorpus));
}
