import { buildNewReleaseMessage } from '@soundcheck/api/ern/build-message.ts';
import { ErnPackagingError, packageMessage } from '@soundcheck/api/ern/package-message.ts';
import type { ErnInput } from '@soundcheck/api/ern/types.ts';
import { validateErnMany } from '@soundcheck/api/ern/validate-xsd.ts';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { albumInput, messageMeta, singleInput } from '../../fixtures/ddex/ern-inputs.ts';

function variant(change: (input: ErnInput) => void): ErnInput {
  const input = structuredClone(albumInput);
  change(input);
  return input;
}

describe('packageMessage: only a message that passes the XSD and the reference rules leaves', {
  tags: ['unit', 'delivery'],
}, () => {
  test.each(['new', 'update', 'takedown', 'purge'] as const)(
    'a valid %s message is returned',
    async (kind) => {
      const result = await packageMessage(albumInput, messageMeta(kind));
      expect(result.ok).toBe(true);
    },
  );

  test('an XSD failure and a rule failure are both reported, and no XML is returned', async () => {
    const input = variant((i) => {
      i.deals = [];
      i.tracks[1]!.isrc = i.tracks[0]!.isrc;
    });
    const result = await packageMessage(input, messageMeta('new'));
    expect(result).toEqual({ ok: false, error: expect.any(ErnPackagingError) });
    if (result.ok) return;
    // A ReleaseDeal without any Deal breaks the XSD's [1..n]; the duplicate ISRC only the rules see.
    expect(result.error.xsdErrors).toEqual([expect.stringContaining("Element 'ReleaseDeal'")]);
    expect(result.error.ruleFindings).toEqual([
      { code: 'NoDealForTrackRelease', message: 'Release R0 has no deal' },
      { code: 'NoDealForTrackRelease', message: 'TrackRelease R1 has no deal' },
      { code: 'NoDealForTrackRelease', message: 'TrackRelease R2 has no deal' },
      { code: 'NoDealForTrackRelease', message: 'TrackRelease R3 has no deal' },
      { code: 'IdentifierInvalid', message: 'ISRC FRXYZ2400001 is used by two sound recordings' },
    ]);
    expect(result.error.message).toMatch(/^the ERN message is not valid \(6 problem\(s\)\)/);
  });

  test('a contributor missing from the artists is refused by name, not silently dropped', async () => {
    const input = variant((i) => {
      i.tracks[0]!.contributors.push({ artistId: 'not-in-the-list', role: 'Producer' });
    });
    const result = await packageMessage(input, messageMeta('new'));
    expect(result.ok ? [] : result.error.ruleFindings).toEqual([
      {
        code: 'ReferenceUnresolved',
        message: 'ContributorPartyReference PUnknown-not-in-the-list refers to nothing in the message',
      },
    ]);
  });

  test('a bad sender DPID is refused even though the XSD accepts it', async () => {
    const result = await packageMessage(
      singleInput,
      messageMeta('new', { sender: { dpid: 'PADPIDA2014120301U', name: 'x' } }),
    );
    expect(result.ok ? null : { xsd: result.error.xsdErrors, rules: result.error.ruleFindings }).toEqual({
      xsd: [],
      rules: [
        {
          code: 'IdentifierInvalid',
          message: 'MessageSender PartyId "PADPIDA2014120301U" is not a valid DPID',
        },
      ],
    });
  });

  test('titles and names with markup characters and any Unicode still build valid messages', async () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .filter((s) => s.trim().length > 0);
    const inputs = fc.sample(
      fc
        .record({ title: text, artist: text, label: text, version: fc.option(text) })
        .map(({ title, artist, label, version }) =>
          variant((i) => {
            i.release.title = title;
            i.release.version = version;
            i.tracks[0]!.title = `${title} <&> "${version ?? ''}"`;
            i.artists[0]!.name = artist;
            i.label.name = label;
          }),
        ),
      12,
    );
    const results = await validateErnMany(
      inputs.map((input) => buildNewReleaseMessage(input, messageMeta('new'))),
    );
    expect(results.filter((result) => !result.valid)).toEqual([]);
  });
});
