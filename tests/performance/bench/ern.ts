// `npm run bench:ern`: what building and validating an ERN 4.3 message costs, per message, beside two
// references measured in the same run: JSON.stringify of the same input (the floor of "serialise this
// object"), and xmllint-wasm validating the DDEX minimal sample (the floor of one XSD run).
import { readFileSync } from 'node:fs';
import { buildNewReleaseMessage } from '@soundcheck/api/ern/build-message.ts';
import { checkReferenceRules } from '@soundcheck/api/ern/reference-rules.ts';
import type { ErnInput } from '@soundcheck/api/ern/types.ts';
import { validateErn, validateErnMany } from '@soundcheck/api/ern/validate-xsd.ts';
import { albumInput, messageMeta } from '../../fixtures/ddex/ern-inputs.ts';

const BUILDS = Number(process.env.BENCH_BUILDS) || 500;
const VALIDATIONS = Number(process.env.BENCH_VALIDATIONS) || 10;
const BATCH = Number(process.env.BENCH_BATCH) || 50;

/** A 12-track album: a realistic message, larger than the fixtures. */
function twelveTracks(): ErnInput {
  const input = structuredClone(albumInput);
  const template = input.tracks[0]!;
  input.tracks = Array.from({ length: 12 }, (_, i) => ({
    ...structuredClone(template),
    id: `track-${i}`,
    title: `Track ${i + 1}`,
    isrc: `FRXYZ24${String(i + 1).padStart(5, '0')}`,
    discNumber: 1,
    trackNumber: i + 1,
    audio: { ...template.audio, id: `audio-${i}` },
  }));
  return input;
}

async function perCall(rounds: number, fn: (i: number) => unknown): Promise<number> {
  await fn(0); // warm-up: JIT, schema file read, WASM compile
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await fn(i);
  return (performance.now() - started) / rounds;
}

const input = twelveTracks();
const meta = (i: number) => messageMeta('new', { messageId: `BENCH-${i}` });
const sample = readFileSync(new URL('../../fixtures/ddex/ern43_single_minimal.xml', import.meta.url), 'utf8');
const xml = buildNewReleaseMessage(input, meta(0));

const rows: Array<[string, number]> = [
  ['reference: JSON.stringify of the same input', await perCall(BUILDS, () => JSON.stringify(input))],
  [
    'ERN build (12 tracks, xmlbuilder2)',
    await perCall(BUILDS, (i) => buildNewReleaseMessage(input, meta(i))),
  ],
  ['reference rules (parse + checks)', await perCall(BUILDS, () => checkReferenceRules(xml, 'new'))],
  [
    'reference: XSD validation of the DDEX minimal sample',
    await perCall(VALIDATIONS, () => validateErn(sample)),
  ],
  ['XSD validation, one message per xmllint run', await perCall(VALIDATIONS, () => validateErn(xml))],
  [
    `XSD validation, ${BATCH} messages per xmllint run (per message)`,
    (await perCall(3, () => validateErnMany(Array(BATCH).fill(xml)))) / BATCH,
  ],
];

console.log(`ERN 4.3 build + validation, ${(Buffer.byteLength(xml) / 1024).toFixed(1)} KiB message`);
for (const [label, ms] of rows) console.log(`  ${label.padEnd(62)} ${ms.toFixed(3).padStart(10)} ms`);
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
