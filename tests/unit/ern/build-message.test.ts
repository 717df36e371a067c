import { readFileSync } from 'node:fs';
import { buildNewReleaseMessage, buildPurgeReleaseMessage } from '@soundcheck/api/ern/build-message.ts';
import { validateErnMany } from '@soundcheck/api/ern/validate-xsd.ts';
import { childElements, descendants, parseXml } from '@soundcheck/api/ern/xml-dom.ts';
import { describe, expect, test } from 'vitest';
import { albumInput, messageMeta, singleInput } from '../../fixtures/ddex/ern-inputs.ts';
import { goldenMessages, goldenUrl } from '../../fixtures/ddex/golden-messages.ts';
import { xmlStructure } from './xml-structure.ts';

const texts = (xml: string, name: string) => descendants(parseXml(xml), name).map((e) => e.textContent);

describe('ERN 4.3 builder', { tags: ['unit', 'delivery'] }, () => {
  test.each(Object.keys(goldenMessages))(
    '%s matches its golden message apart from the creation time',
    (name) => {
      const built = goldenMessages[name]!(new Date());
      const golden = readFileSync(goldenUrl(name), 'utf8');
      expect(xmlStructure(built)).toEqual(xmlStructure(golden));
    },
  );

  test('every golden message validates against the ERN 4.3 XSD', async () => {
    const names = Object.keys(goldenMessages);
    const results = await validateErnMany(names.map((name) => readFileSync(goldenUrl(name), 'utf8')));
    expect(Object.fromEntries(names.map((name, i) => [name, results[i]]))).toEqual(
      Object.fromEntries(names.map((name) => [name, { valid: true, errors: [] }])),
    );
  });

  test('the header names the sender, the recipient, the message and its thread', () => {
    const meta = messageMeta('new', { messageId: 'M-42', messageThreadId: 'T-7', test: false });
    const header = childElements(parseXml(buildNewReleaseMessage(singleInput, meta)), 'MessageHeader')[0]!;
    expect(xmlStructure(header)).toMatchObject({
      children: [
        { name: 'MessageThreadId', children: 'T-7' },
        { name: 'MessageId', children: 'M-42' },
        { name: 'MessageSender', children: [{ children: 'PADPIDA3897722461G' }, expect.anything()] },
        { name: 'MessageRecipient', children: [{ children: 'PADPIDA2011072101T' }, expect.anything()] },
        { name: 'MessageCreatedDateTime', children: '<volatile>' },
        { name: 'MessageControlType', children: 'LiveMessage' },
      ],
    });
  });

  test('an update is a full replacement: it carries every current deal for the release and each track', () => {
    const xml = buildNewReleaseMessage(albumInput, messageMeta('update'));
    expect(texts(xml, 'CommercialModelType')).toEqual([
      'SubscriptionModel',
      'AdvertisementSupportedModel',
      'PayAsYouGoModel',
    ]);
    expect(texts(xml, 'DealReleaseReference')).toEqual(['R0', 'R1', 'R2', 'R3']);
    expect(texts(xml, 'EndDate')).toEqual(['2030-12-31']);
  });

  test('a takedown is the same release without any deal', () => {
    const update = parseXml(buildNewReleaseMessage(albumInput, messageMeta('update')));
    const takedown = parseXml(buildNewReleaseMessage(albumInput, messageMeta('takedown')));
    expect(childElements(takedown).map((e) => e.localName)).toEqual([
      'MessageHeader',
      'PartyList',
      'ResourceList',
      'ReleaseList',
    ]);
    const [updateReleases, takedownReleases] = [update, takedown].map((root) =>
      xmlStructure(childElements(root, 'ReleaseList')[0]!),
    );
    expect(takedownReleases).toEqual(updateReleases);
  });

  test('a purge names only the release', () => {
    const xml = buildPurgeReleaseMessage(albumInput.release, messageMeta('purge'));
    expect(xmlStructure(xml).children).toEqual([
      expect.objectContaining({ name: 'MessageHeader' }),
      {
        name: 'PurgedRelease',
        attributes: {},
        children: [
          {
            name: 'ReleaseId',
            attributes: {},
            children: [{ name: 'ICPN', attributes: {}, children: '5901234123457' }],
          },
          {
            name: 'Title',
            attributes: {},
            children: [{ name: 'TitleText', attributes: {}, children: 'Harbour Lights' }],
          },
        ],
      },
    ]);
  });

  test('territories: worldwide, an include list and an exclude list', () => {
    const build = (territories: typeof singleInput.release.territories) => {
      const input = structuredClone(singleInput);
      input.release.territories = territories;
      const terms = descendants(parseXml(buildNewReleaseMessage(input, messageMeta('new'))), 'DealTerms')[0]!;
      return childElements(terms)
        .filter((e) => e.localName.includes('TerritoryCode'))
        .map((e) => `${e.localName}=${e.textContent}`);
    };
    expect(build({ mode: 'worldwide' })).toEqual(['TerritoryCode=Worldwide']);
    expect(build({ mode: 'include', codes: ['FR', 'BE'] })).toEqual(['TerritoryCode=FR', 'TerritoryCode=BE']);
    expect(build({ mode: 'exclude', codes: ['CN'] })).toEqual(['ExcludedTerritoryCode=CN']);
  });

  test('each audio file is named in the message with its SHA-256 and size, and the cover is linked', () => {
    const xml = buildNewReleaseMessage(albumInput, messageMeta('new'));
    expect(texts(xml, 'URI')).toEqual([
      'resources/5901234123457_01_001.flac',
      'resources/5901234123457_01_002.flac',
      'resources/5901234123457_02_001.wav',
      'resources/5901234123457.png',
    ]);
    expect(texts(xml, 'HashSumValue')).toEqual([
      ...albumInput.tracks.map((track) => track.audio.sha256),
      albumInput.artwork.sha256,
    ]);
    expect(texts(xml, 'LinkedReleaseResourceReference')).toEqual(['A4']);
  });
});
