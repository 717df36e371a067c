import { ackOutcome } from '@soundcheck/api/deliveries/ack/ack-outcome.ts';
import type { AcknowledgedRelease } from '@soundcheck/api/deliveries/ack/acknowledgement.ts';
import { partnerCallbackBody } from '@soundcheck/api/deliveries/ack/callback-body.ts';
import { parseAckXml } from '@soundcheck/api/deliveries/ack/parse-ack-xml.ts';
import { compileValidator } from '@soundcheck/api/http/validation.ts';
import { describe, expect, test } from 'vitest';

/** An acknowledgement whose releases are `releases` (XML), acknowledging MSG-1 with FileOK. */
const ackWith = (
  releases: string,
  message = '<AcknowledgedMessage><MessageId>MSG-1</MessageId><FileStatus>FileOK</FileStatus></AcknowledgedMessage>',
) => `<AcknowledgementMessage>${message}${releases}</AcknowledgementMessage>`;
const release = (inner: string) =>
  `<AcknowledgedRelease><ReleaseStatus>RightsConflict</ReleaseStatus>${inner}</AcknowledgedRelease>`;
const firstRelease = (inner: string) => parseAckXml(ackWith(release(inner))).releases[0];

// Edges of the acknowledgement parser that `npm run mutation -- acknowledgements` found unguarded; each
// test names the misreading it prevents.
describe('acknowledgement parser: edges', { tags: ['unit', 'delivery'] }, () => {
  test('the older element names are read too: AcknowledgedMessageId, MessageStatus, Status', () => {
    const xml = `<AcknowledgementMessage>
      <AcknowledgedMessageId>  MSG-2  </AcknowledgedMessageId>
      <MessageStatus>ResourceMissing</MessageStatus>
      <ErrorText>cover.jpg not found</ErrorText>
      <AcknowledgedRelease><Status>ReleaseNotAvailable</Status></AcknowledgedRelease>
    </AcknowledgementMessage>`;
    expect(parseAckXml(xml)).toEqual({
      messageId: 'MSG-2',
      fileStatus: 'ResourceMissing',
      errorText: 'cover.jpg not found',
      releases: [
        {
          releaseId: null,
          status: 'ReleaseNotAvailable',
          errorText: null,
          proposedAction: null,
          manualCheckRequired: false,
        },
      ],
    });
  });

  test('a release id is read bare or wrapped, trimmed; an absent one is null', () => {
    expect(firstRelease('<ReleaseId>\n  0012345678905\n</ReleaseId>')?.releaseId).toBe('0012345678905');
    expect(firstRelease('<ReleaseId><GRid> A10302B0001234567Z </GRid></ReleaseId>')?.releaseId).toBe(
      'A10302B0001234567Z',
    );
    expect(firstRelease('')?.releaseId).toBeNull();
  });

  test.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('ManualCheckRequired %s reads as %s', (text, expected) => {
    expect(firstRelease(`<ManualCheckRequired>${text}</ManualCheckRequired>`)?.manualCheckRequired).toBe(
      expected,
    );
  });

  test('an action outside the vocabulary is advice we cannot follow: no action, not the text', () => {
    expect(firstRelease('<ProposedActionType>Retry</ProposedActionType>')?.proposedAction).toBeNull();
  });

  test('an acknowledgement of exactly 1 MiB is read; the limit refuses only what is larger', () => {
    const bare = ackWith(release(''));
    const padded = bare.replace(
      '</AcknowledgementMessage>',
      `<!--${'x'.repeat(1024 * 1024 - Buffer.byteLength(bare) - 7)}--></AcknowledgementMessage>`,
    );
    expect(Buffer.byteLength(padded)).toBe(1024 * 1024);
    expect(parseAckXml(padded).messageId).toBe('MSG-1');
  });

  test('its errors carry their own name, so callers and logs can tell a bad file from a bug', () => {
    expect(() => parseAckXml('')).toThrow(expect.objectContaining({ name: 'AckParseError' }));
  });

  test('a manual check asked for on any rejected release is kept', () => {
    const rejected = (manualCheckRequired: boolean): AcknowledgedRelease => ({
      releaseId: null,
      status: 'RightsConflict',
      errorText: null,
      proposedAction: null,
      manualCheckRequired,
    });
    const outcome = ackOutcome({
      messageId: 'M1',
      fileStatus: 'FileOK',
      errorText: null,
      releases: [rejected(false), rejected(true)],
    });
    expect(outcome).toMatchObject({ event: 'ack_error', manualCheckRequired: true });
  });

  test('a callback’s errorText is at most 2000 characters', () => {
    const validate = compileValidator({ schema: partnerCallbackBody, httpPart: 'body' });
    const body = { messageId: 'M1', releaseStatus: 'RightsConflict', fileStatus: 'FileOK' };
    expect(validate({ ...body, errorText: 'e'.repeat(2000) })).toBe(true);
    expect(validate({ ...body, errorText: 'e'.repeat(2001) })).toBe(false);
  });
});
