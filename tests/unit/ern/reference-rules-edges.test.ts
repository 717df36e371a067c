import { checkReferenceRules } from '@soundcheck/api/ern/reference-rules.ts';
import { describe, expect, test } from 'vitest';

const SENDER = 'PADPIDA2011072101T';

/** A small hand-made ERN message: the header, then `body`; only what a rule under test reads. */
const message = (body: string, header = `<MessageSender><PartyId>${SENDER}</PartyId></MessageSender>`) =>
  `<ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/43">${header ? `<MessageHeader>${header}</MessageHeader>` : ''}${body}</ern:NewReleaseMessage>`;
const release = (reference: string) =>
  `<ReleaseList><Release><ReleaseReference>${reference}</ReleaseReference></Release></ReleaseList>`;
const deal = (reference: string, withDeal = true) =>
  `<DealList><ReleaseDeal><DealReleaseReference>${reference}</DealReleaseReference>${withDeal ? '<Deal/>' : ''}</ReleaseDeal></DealList>`;

// Edges of the ERN rules that `npm run mutation -- ern-reference-rules` found unguarded; each names the bug.
describe('ERN reference rules: edges', { tags: ['unit', 'delivery'] }, () => {
  test('references match their anchors whatever whitespace the XML puts around them', () => {
    const xml = message(
      `<PartyList><Party><PartyReference>
        P1
      </PartyReference></Party></PartyList><DisplayArtist><ArtistPartyReference>P1</ArtistPartyReference></DisplayArtist>${release('R1')}${deal(' R1 ')}`,
    );
    expect(checkReferenceRules(xml, 'new')).toEqual([]);
  });

  test('a deal on a technical resource that is not declared refers to nothing', () => {
    const xml = message(
      `<DealTechnicalResourceDetailsReference>T9</DealTechnicalResourceDetailsReference>${release('R1')}${deal('R1')}`,
    );
    expect(checkReferenceRules(xml, 'new')).toEqual([
      {
        code: 'ReferenceUnresolved',
        message: 'DealTechnicalResourceDetailsReference T9 refers to nothing in the message',
      },
    ]);
  });

  test('a ReleaseDeal without any Deal does not count as a deal for its release', () => {
    expect(checkReferenceRules(message(`${release('R1')}${deal('R1', false)}`), 'new')).toEqual([
      { code: 'NoDealForTrackRelease', message: 'Release R1 has no deal' },
    ]);
  });

  test('a release without a reference, or no ReleaseList at all, is not reported as lacking a deal', () => {
    const unreferenced = message(`<ReleaseList><Release/></ReleaseList>${deal('R1')}`);
    expect(checkReferenceRules(unreferenced, 'new')).toEqual([
      { code: 'ReferenceUnresolved', message: 'DealReleaseReference R1 refers to nothing in the message' },
    ]);
    expect(
      checkReferenceRules(message(`<ReleaseReference>R1</ReleaseReference>${deal('R1')}`), 'new'),
    ).toEqual([]);
  });

  test.each([
    ['DPID', 'PADPIDA2011072101U', 'a DPID with a valid check character'],
    ['IpiNameNumber', '00014107339', 'an 11-digit IPI name number with valid check digits'],
    ['ISWC', 'T0345246802', 'an ISWC with a valid check digit'],
  ])('a %s with a wrong check character is refused; a right one passes', (element, wrong, expected) => {
    const right = { DPID: SENDER, IpiNameNumber: '00014107338', ISWC: 'T0345246801' }[element];
    const withValue = (value: string | undefined) =>
      checkReferenceRules(message(`<PartyId><${element}>${value}</${element}></PartyId>`), 'purge');
    expect(withValue(wrong)).toEqual([
      { code: 'IdentifierInvalid', message: `${element} "${wrong}" is not ${expected}` },
    ]);
    expect(withValue(right)).toEqual([]);
  });

  test('the sender must be a valid DPID too, and a party without a PartyId is named with an empty one', () => {
    expect(
      checkReferenceRules(
        message('', '<MessageSender><PartyId>PADPIDA2011072101U</PartyId></MessageSender>'),
        'purge',
      ),
    ).toEqual([
      {
        code: 'IdentifierInvalid',
        message: 'MessageSender PartyId "PADPIDA2011072101U" is not a valid DPID',
      },
    ]);
    expect(checkReferenceRules(message('', '<MessageRecipient/>'), 'purge')).toEqual([
      { code: 'IdentifierInvalid', message: 'MessageRecipient PartyId "" is not a valid DPID' },
    ]);
  });

  test('a message without a header has no sender to check', () => {
    expect(checkReferenceRules(message('', ''), 'purge')).toEqual([]);
  });

  test('a fault that is not in the XML (no text at all) is thrown, never reported as an invalid message', () => {
    expect(() => checkReferenceRules(undefined as unknown as string, 'new')).toThrow(TypeError);
  });
});
