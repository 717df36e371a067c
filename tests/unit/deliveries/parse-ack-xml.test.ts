import { readFileSync } from 'node:fs';
import { AckParseError } from '@soundcheck/api/deliveries/ack/acknowledgement.ts';
import { parseAckXml } from '@soundcheck/api/deliveries/ack/parse-ack-xml.ts';
import { describe, expect, test } from 'vitest';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/ddex/acks/${name}`, import.meta.url), 'utf8');
const accepted = fixture('ACK_20250307090501042_0012345678905.xml');
const rejected = fixture('ACK_MSG_5901234123457_new_20250307110000000.xml');

describe('acknowledgement file parser', { tags: ['unit', 'delivery'] }, () => {
  test('an accepted batch acknowledgement (prefixed namespace)', () => {
    expect(parseAckXml(accepted)).toEqual({
      messageId: 'MSG-0012345678905-new',
      fileStatus: 'FileOK',
      errorText: null,
      releases: [
        {
          releaseId: '0012345678905',
          status: 'SuccessfullyIngestedByReleaseDistributor',
          errorText: null,
          proposedAction: null,
          manualCheckRequired: false,
        },
      ],
    });
  });

  test('a rejection (default namespace) keeps the partner’s code, text and proposed action', () => {
    expect(parseAckXml(rejected)).toEqual({
      messageId: 'MSG_5901234123457_new',
      fileStatus: 'ResourceCorrupt',
      errorText: null,
      releases: [
        {
          releaseId: '5901234123457',
          status: 'ProcessingErrorAtReleaseDistributor',
          errorText: 'resources/5901234123457_01_002.flac: FLAC stream ends early',
          proposedAction: 'ResendXmlAndResources',
          manualCheckRequired: false,
        },
      ],
    });
  });

  test('the same acknowledgement without any namespace reads the same', () => {
    const bare = accepted
      .replace(' xmlns:echo="http://ddex.net/xml/ern-c-sftp/18"', '')
      .replaceAll('echo:', '');
    expect(parseAckXml(bare)).toEqual(parseAckXml(accepted));
  });

  test('codes outside the DDEX vocabularies are kept verbatim, not guessed at', () => {
    const odd = accepted
      .replace('>FileOK<', '>FileSortOfOK<')
      .replace('>SuccessfullyIngestedByReleaseDistributor<', '>Ingested<');
    expect(parseAckXml(odd)).toMatchObject({
      fileStatus: { unknown: 'FileSortOfOK' },
      releases: [{ status: { unknown: 'Ingested' } }],
    });
  });

  test.each([
    ['an empty file', '', 'the acknowledgement is not XML: the document is empty'],
    ['plain text', 'OK thanks', 'the acknowledgement is not XML: the document is not well-formed XML'],
    [
      'truncated XML',
      accepted.slice(0, 300),
      'the acknowledgement is not XML: the document is not well-formed XML',
    ],
    ['JSON', '{"status":"ok"}', 'the acknowledgement is not XML: the document is not well-formed XML'],
    [
      'another DDEX message',
      '<ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/43"/>',
      'the root element is NewReleaseMessage, not an acknowledgement message',
    ],
    [
      'no acknowledged message id',
      accepted.replace('<MessageId>MSG-0012345678905-new</MessageId>', ''),
      'the acknowledgement does not name the acknowledged MessageId',
    ],
    [
      'no file status',
      accepted.replace('<FileStatus>FileOK</FileStatus>', ''),
      'the acknowledgement of MSG-0012345678905-new has no FileStatus',
    ],
    [
      'a release without status',
      accepted.replace('<ReleaseStatus>SuccessfullyIngestedByReleaseDistributor</ReleaseStatus>', ''),
      'acknowledged release 1 has no ReleaseStatus',
    ],
    [
      'a ManualCheckRequired that is not a boolean',
      rejected.replace('<ManualCheckRequired>false<', '<ManualCheckRequired>maybe<'),
      'ManualCheckRequired must be true or false (got "maybe")',
    ],
    [
      'a huge file',
      `<AcknowledgementMessage>${' '.repeat(1024 * 1024)}</AcknowledgementMessage>`,
      'the acknowledgement is larger than 1 MiB',
    ],
  ])('%s is refused with a clear error', (_case, xml, message) => {
    expect(() => parseAckXml(xml)).toThrow(new AckParseError(message));
  });

  test('a DOCTYPE is refused outright, so no entity is ever resolved (XXE, billion laughs)', () => {
    const evil = accepted
      .replace(
        '<echo:ErnAcknowledgementStatusMessage',
        '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><echo:ErnAcknowledgementStatusMessage',
      )
      .replace('MSG-0012345678905-new', 'MSG-&xxe;');
    expect(() => parseAckXml(evil)).toThrow(
      new AckParseError('the acknowledgement is not XML: a DOCTYPE declaration is not allowed'),
    );
  });
});
