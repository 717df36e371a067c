import { readFileSync } from 'node:fs';
import { buildNewReleaseMessage } from '@soundcheck/api/ern/build-message.ts';
import { checkReferenceRules } from '@soundcheck/api/ern/reference-rules.ts';
import { describe, expect, test } from 'vitest';
import { albumInput, messageMeta } from '../../fixtures/ddex/ern-inputs.ts';

const album = buildNewReleaseMessage(albumInput, messageMeta('new'));
const takedown = buildNewReleaseMessage(albumInput, messageMeta('takedown'));

/** Replaces exactly one occurrence, so a test cannot silently break nothing. */
function once(xml: string, from: string, to: string): string {
  const count = xml.split(from).length - 1;
  if (count !== 1) throw new Error(`expected one ${from}, found ${count}`);
  return xml.replace(from, to);
}

describe('ERN reference rules (what the XSD cannot check)', { tags: ['unit', 'delivery'] }, () => {
  test.each([
    ['ern43_single_minimal.xml', 'new'],
    ['ern43_takedown_no_deals.xml', 'takedown'],
    ['ern43_purge_release.xml', 'purge'],
  ] as const)('the DDEX sample %s passes', (name, kind) => {
    const xml = readFileSync(new URL(`../../fixtures/ddex/${name}`, import.meta.url), 'utf8');
    expect(checkReferenceRules(xml, kind)).toEqual([]);
  });

  test('the builder output passes for every kind', () => {
    expect(checkReferenceRules(album, 'new')).toEqual([]);
    expect(checkReferenceRules(takedown, 'takedown')).toEqual([]);
  });

  test.each([
    [
      'a display artist that is not a party',
      once(
        album,
        '<ArtistPartyReference>PArtist2</ArtistPartyReference>\n        <DisplayArtistRole>MainArtist</DisplayArtistRole>\n      </DisplayArtist>\n      <ReleaseLabelReference>',
        '<ArtistPartyReference>P404</ArtistPartyReference>\n        <DisplayArtistRole>MainArtist</DisplayArtistRole>\n      </DisplayArtist>\n      <ReleaseLabelReference>',
      ),
      { code: 'ReferenceUnresolved', message: 'ArtistPartyReference P404 refers to nothing in the message' },
    ],
    [
      'a contributor that is not a party',
      album.replace(
        '<ContributorPartyReference>PArtist3</ContributorPartyReference>',
        '<ContributorPartyReference>PGhost</ContributorPartyReference>',
      ),
      {
        code: 'ReferenceUnresolved',
        message: 'ContributorPartyReference PGhost refers to nothing in the message',
      },
    ],
    [
      'a release label that is not a party',
      once(album, '<PartyReference>PLabel1</PartyReference>', '<PartyReference>PLabel9</PartyReference>'),
      {
        code: 'ReferenceUnresolved',
        message: 'ReleaseLabelReference PLabel1 refers to nothing in the message',
      },
    ],
    [
      'a release resource that is not a resource',
      once(
        album,
        '<ReleaseResourceReference>A3</ReleaseResourceReference>\n      <ReleaseLabelReference>',
        '<ReleaseResourceReference>A9</ReleaseResourceReference>\n      <ReleaseLabelReference>',
      ),
      {
        code: 'ReferenceUnresolved',
        message: 'ReleaseResourceReference A9 refers to nothing in the message',
      },
    ],
    [
      'a cover art link to no resource',
      once(album, 'CoverArt">A4<', 'CoverArt">A5<'),
      {
        code: 'ReferenceUnresolved',
        message: 'LinkedReleaseResourceReference A5 refers to nothing in the message',
      },
    ],
    [
      'a deal for a release that does not exist (the case xmllint lets through)',
      once(
        album,
        '<DealReleaseReference>R3</DealReleaseReference>',
        '<DealReleaseReference>R3</DealReleaseReference>\n      <DealReleaseReference>R9</DealReleaseReference>',
      ),
      { code: 'ReferenceUnresolved', message: 'DealReleaseReference R9 refers to nothing in the message' },
    ],
    [
      'a technical details anchor declared twice',
      once(album, '<TechnicalResourceDetailsReference>T2<', '<TechnicalResourceDetailsReference>T1<'),
      { code: 'NewReleaseMessageInvalid', message: 'TechnicalResourceDetailsReference T1 is declared twice' },
    ],
    [
      'a track release without a deal',
      once(album, '<DealReleaseReference>R2</DealReleaseReference>\n', ''),
      { code: 'NoDealForTrackRelease', message: 'TrackRelease R2 has no deal' },
    ],
    [
      'a new release without a DealList',
      album.replace(/<DealList>[\s\S]*<\/DealList>/, ''),
      { code: 'NoDealInNewReleaseMessage', message: 'the message has no DealList' },
    ],
    [
      'two recordings with the same ISRC',
      once(album, '<ISRC>FRXYZ2400002</ISRC>', '<ISRC>FRXYZ2400001</ISRC>'),
      { code: 'IdentifierInvalid', message: 'ISRC FRXYZ2400001 is used by two sound recordings' },
    ],
    [
      'an ISRC with hyphens',
      once(album, '<ISRC>FRXYZ2400002</ISRC>', '<ISRC>FR-XYZ-24-00002</ISRC>'),
      {
        code: 'IdentifierSyntaxInvalid',
        message: 'ISRC "FR-XYZ-24-00002" is not 12 characters CCXXXYYNNNNN',
      },
    ],
    [
      'an ICPN with a wrong check digit',
      once(album, '<ICPN>5901234123457</ICPN>', '<ICPN>1234567890123</ICPN>'),
      {
        code: 'IdentifierInvalid',
        message: 'ICPN "1234567890123" is not a UPC-A or EAN-13 with a valid check digit',
      },
    ],
    [
      'a recipient DPID with a wrong check character',
      once(album, '<PartyId>PADPIDA2011072101T</PartyId>', '<PartyId>PADPIDA2011072101U</PartyId>'),
      {
        code: 'IdentifierInvalid',
        message: 'MessageRecipient PartyId "PADPIDA2011072101U" is not a valid DPID',
      },
    ],
    [
      'an ISNI with a wrong check character',
      once(album, '<ISNI>000000012281955X</ISNI>', '<ISNI>0000000080549162</ISNI>'),
      {
        code: 'IdentifierInvalid',
        message: 'ISNI "0000000080549162" is not an ISNI with a valid check character',
      },
    ],
  ])('%s is refused', (_case, xml, finding) => {
    expect(checkReferenceRules(xml, 'new')).toEqual([finding]);
  });

  test('a takedown that still carries deals is refused', () => {
    expect(checkReferenceRules(album, 'takedown')).toEqual([
      { code: 'NewReleaseMessageInvalid', message: 'a takedown must not carry a DealList' },
    ]);
  });

  test.each(['', 'not xml at all', '<ern:NewReleaseMessage><MessageHeader></ern:NewReleaseMessage>'])(
    'malformed XML %j is refused, not parsed leniently',
    (xml) => {
      expect(checkReferenceRules(xml, 'new')).toEqual([
        { code: 'NewReleaseMessageInvalid', message: expect.stringMatching(/empty|not well-formed/) },
      ]);
    },
  );
});
