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

/** The corpora of `tests/fixtures/payloads/` (NOTICE.md: sources and licences), one list per attack. */
export const corpora = {
  naughty: (JSON.parse(readFileSync(new URL('blns.json', dir), 'utf8')) as string[]).filter(
    (s) => s !== '' && wellFormed(s),
  ),
  sqlInjection: [
    ...lines('sql-injection__detect__xplatform.txt'),
    ...lines('sql-injection__detect__GenericBlind.txt'),
  ],
  xss: [...lines('xss__XSSPolyglot.txt'), ...lines('xss__xss-rsnake.txt')],
};

/** The seed of every sample; printed by the tests so a failure can be replayed with `PAYLOAD_SEED`. */
export const payloadSeed = Number(process.env.PAYLOAD_SEED ?? 20231);

/**
 * `perCorpus` payloads from each corpus, chosen by the seed and `salt` (a field's name, so each field gets its
 * own sample): a bounded number of requests that still reaches the whole corpus across fields and seeds.
 */
export function samplePayloads(salt: string, perCorpus: number): string[] {
  let seed = payloadSeed;
  for (const char of salt) seed = (seed * 31 + char.charCodeAt(0)) | 0;
  return Object.values(corpora).flatMap(
    (corpus) =>
      fc.sample(fc.shuffledSubarray(corpus, { minLength: perCorpus, maxLength: perCorpus }), {
        seed,
        numRuns: 1,
      })[0]!,
  );
}
