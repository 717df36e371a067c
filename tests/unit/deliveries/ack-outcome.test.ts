import { ackOutcome } from '@soundcheck/api/deliveries/ack/ack-outcome.ts';
import type { Acknowledgement } from '@soundcheck/api/deliveries/ack/acknowledgement.ts';
import {
  acknowledgementFromCallback,
  type PartnerCallbackBody,
  partnerCallbackBody,
} from '@soundcheck/api/deliveries/ack/callback-body.ts';
import { compileValidator } from '@soundcheck/api/http/validation.ts';
import { describe, expect, test } from 'vitest';

const ack = (
  fileStatus: Acknowledgement['fileStatus'],
  ...statuses: Acknowledgement['releases'][number]['status'][]
): Acknowledgement => ({
  messageId: 'M1',
  fileStatus,
  errorText: null,
  releases: statuses.map((status) => ({
    releaseId: '0012345678905',
    status,
    errorText: null,
    proposedAction: null,
    manualCheckRequired: false,
  })),
});

describe('acknowledgement outcome (DDEX codes → delivery transitions)', {
  tags: ['unit', 'delivery'],
}, () => {
  test.each([
    [ack('FileOK', 'SuccessfullyIngestedByReleaseDistributor'), { event: 'ack_success', live: false }],
    [ack('FileOK'), { event: 'ack_success', live: false }],
    [ack('FileOK', 'ReleaseMadeAvailableToConsumers'), { event: 'ack_success', live: true }],
    [
      ack('FileOK', 'ReleaseReceivedByReleaseDistributor'),
      { event: 'pending', status: 'ReleaseReceivedByReleaseDistributor' },
    ],
  ])('%o → %o', (input, outcome) => {
    expect(ackOutcome(input)).toEqual(outcome);
  });

  test('a file status other than FileOK is a rejection with the reason in words', () => {
    expect(ackOutcome(ack('ResourceCorrupt', 'ProcessingErrorAtReleaseDistributor'))).toEqual({
      event: 'ack_error',
      reasons: [
        { rule: 'ResourceCorrupt', message: 'An audio or artwork file is corrupt.' },
        {
          rule: 'ProcessingErrorAtReleaseDistributor',
          message: '0012345678905: The partner could not process the release.',
        },
      ],
      proposedAction: null,
      manualCheckRequired: false,
    });
  });

  test('the partner’s own error text wins over our generic wording, and its advice is kept', () => {
    const input = ack('FileOK', 'RightsConflict');
    input.releases[0] = {
      ...input.releases[0]!,
      errorText: 'Already delivered by Other Distro',
      proposedAction: 'DoNotResendRelease',
      manualCheckRequired: true,
    };
    expect(ackOutcome(input)).toEqual({
      event: 'ack_error',
      reasons: [{ rule: 'RightsConflict', message: '0012345678905: Already delivered by Other Distro' }],
      proposedAction: 'DoNotResendRelease',
      manualCheckRequired: true,
    });
  });

  test('an unknown code is never read as success', () => {
    expect(ackOutcome(ack({ unknown: 'Fine' }, 'SuccessfullyIngestedByReleaseDistributor'))).toMatchObject({
      event: 'ack_error',
      reasons: [{ rule: 'Fine', message: 'The partner answered an unknown file status "Fine".' }],
    });
    expect(ackOutcome(ack('FileOK', { unknown: 'Done' }))).toMatchObject({
      event: 'ack_error',
      reasons: [
        { rule: 'Done', message: '0012345678905: The partner answered an unknown release status "Done".' },
      ],
    });
  });

  test('one rejected release among accepted ones rejects the message', () => {
    expect(
      ackOutcome(ack('FileOK', 'SuccessfullyIngestedByReleaseDistributor', 'ReleaseViolatesTermsOfService'))
        .event,
    ).toBe('ack_error');
  });
});

describe('partner callback body', { tags: ['unit', 'delivery'] }, () => {
  const validate = compileValidator({ schema: partnerCallbackBody, httpPart: 'body' });
  const body: PartnerCallbackBody = {
    messageId: 'M1',
    releaseStatus: 'ProcessingErrorAtReleaseDistributor',
    fileStatus: 'MetadataMissing',
    errorText: 'no genre',
    proposedActionType: 'ResendXmlOnly',
  };

  test('a DDEX-vocabulary body is accepted and read like an ACK file', () => {
    expect(validate(body)).toBe(true);
    expect(ackOutcome(acknowledgementFromCallback(body))).toEqual({
      event: 'ack_error',
      reasons: [
        { rule: 'MetadataMissing', message: 'no genre' },
        { rule: 'ProcessingErrorAtReleaseDistributor', message: 'no genre' },
      ],
      proposedAction: 'ResendXmlOnly',
      manualCheckRequired: false,
    });
  });

  test.each([
    [{ ...body, fileStatus: 'AllGood' }],
    [{ ...body, releaseStatus: 'Ingested' }],
    [{ ...body, proposedActionType: 'Retry' }],
    [{ ...body, extra: 1 }],
    [{ releaseStatus: body.releaseStatus, fileStatus: body.fileStatus }],
    [{ ...body, messageId: '' }],
  ])('%o is refused by the schema', (candidate) => {
    expect(validate(candidate)).toBe(false);
  });
});
