import { ackOutcome } from '@soundcheck/api/deliveries/ack/ack-outcome.ts';
import { parseAckXml } from '@soundcheck/api/deliveries/ack/parse-ack-xml.ts';
import { describe, expect, test } from 'vitest';

// The DDEX AVS vocabularies, written out here from the standard (AVS 3), not imported from the code: a code
// the parser forgets is read as an unknown one, and a partner's plain "ResourceMissing" would become a
// rejection for "an unknown file status".
const fileStatuses = [
  'ArtistRoleUnknown',
  'CommercialReleaseDateInvalid',
  'ConflictingAvailabilityPeriods',
  'DuplicatedPublisherNames',
  'ErnMissing',
  'IdentifierInvalid',
  'IdentifierSyntaxInvalid',
  'InternalError',
  'MetadataMissing',
  'NewReleaseMessageInvalid',
  'NoDealForTrackRelease',
  'NoDealInNewReleaseMessage',
  'OriginalReleaseDateLaterThanReleaseDate',
  'PrimaryArtistNameMissing',
  'ResourceCorrupt',
  'ResourceMissing',
  'ResourceNotMeetingSpecifications',
  'SignatureOrHashSumWrongOrMissing',
  'UnsupportedUsage',
  'UserDefined',
];
/** Each SupplyChainStatus and what it does to an uploaded delivery (state_machines.json, delivery). */
const releaseStatuses = {
  SuccessfullyIngestedByReleaseDistributor: { event: 'ack_success', live: false },
  ReleaseStagedForPublication: { event: 'ack_success', live: false },
  ReleaseMadeAvailableToConsumers: { event: 'ack_success', live: true },
  DeliveredToReleaseDistributor: { event: 'pending', status: 'DeliveredToReleaseDistributor' },
  InDeliveryToReleaseDistributor: { event: 'pending', status: 'InDeliveryToReleaseDistributor' },
  InPreparationForDeliveryToReleaseDistributor: {
    event: 'pending',
    status: 'InPreparationForDeliveryToReleaseDistributor',
  },
  OrderPlacedForReleaseDistributor: { event: 'pending', status: 'OrderPlacedForReleaseDistributor' },
  ReleaseReceivedByReleaseDistributor: { event: 'pending', status: 'ReleaseReceivedByReleaseDistributor' },
  ProcessingErrorAtReleaseDistributor: { event: 'ack_error' },
  ProcessingErrorAtReleaseCreator: { event: 'ack_error' },
  ReleaseViolatesTermsOfService: { event: 'ack_error' },
  RightsConflict: { event: 'ack_error' },
  ReleaseNotAvailable: { event: 'ack_error' },
  UserDefined: { event: 'ack_error' },
};
const proposedActions = [
  'DoNotResendAffectedResource',
  'DoNotResendRelease',
  'ResendXmlOnly',
  'ResendXmlAndResources',
  'UserDefined',
];

/** An acknowledgement file with one release, as a partner writes it. */
const ackFile = (fileStatus: string, releaseStatus: string, action = '') => `<?xml version="1.0"?>
<AcknowledgementMessage>
  <AcknowledgedMessage><MessageId>MSG-1</MessageId><FileStatus>${fileStatus}</FileStatus></AcknowledgedMessage>
  <AcknowledgedRelease>
    <ReleaseId><ICPN>0012345678905</ICPN></ReleaseId>
    <ReleaseStatus>${releaseStatus}</ReleaseStatus>${action ? `<ProposedActionType>${action}</ProposedActionType>` : ''}
  </AcknowledgedRelease>
</AcknowledgementMessage>`;
const outcomeOf = (xml: string) => ackOutcome(parseAckXml(xml));
const messages = (xml: string) => {
  const outcome = outcomeOf(xml);
  return outcome.event === 'ack_error' ? outcome.reasons.map((reason) => reason.message) : [];
};

describe('acknowledgement vocabularies, code by code', { tags: ['unit', 'delivery'] }, () => {
  test.each(Object.entries(releaseStatuses))('release status %s → %o', (status, expected) => {
    expect(outcomeOf(ackFile('FileOK', status))).toMatchObject(expected);
  });

  test('every rejecting release status is explained in words of its own, never as an unknown code', () => {
    const rejecting = Object.keys(releaseStatuses).filter(
      (status) => releaseStatuses[status as keyof typeof releaseStatuses].event === 'ack_error',
    );
    const words = rejecting.map((status) => messages(ackFile('FileOK', status)));
    for (const [message] of words) {
      expect(message).toMatch(/^0012345678905: The partner .{10,}\.$/);
      expect(message).not.toContain('unknown');
    }
    expect(new Set(words.map(([message]) => message)).size).toBe(rejecting.length);
  });

  test('every file status but FileOK rejects the message with a reason of its own', () => {
    const words = fileStatuses.map((status) => {
      const outcome = outcomeOf(ackFile(status, 'SuccessfullyIngestedByReleaseDistributor'));
      expect(outcome).toMatchObject({ event: 'ack_error', reasons: [{ rule: status }] });
      return messages(ackFile(status, 'SuccessfullyIngestedByReleaseDistributor'))[0] ?? '';
    });
    for (const message of words) {
      expect(message).toMatch(/^[A-Z].{10,}\.$/);
      expect(message).not.toContain('unknown file status');
    }
    expect(new Set(words).size).toBe(fileStatuses.length);
    expect(outcomeOf(ackFile('FileOK', 'SuccessfullyIngestedByReleaseDistributor')).event).toBe(
      'ack_success',
    );
  });

  test.each(proposedActions)('the proposed action %s is kept as the partner’s advice', (action) => {
    expect(outcomeOf(ackFile('FileOK', 'RightsConflict', action))).toMatchObject({
      event: 'ack_error',
      proposedAction: action,
    });
  });
});
