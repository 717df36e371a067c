import type { AcknowledgedRelease, Acknowledgement } from './acknowledgement.ts';
import { fileStatusReasons, type ProposedActionType, type SupplyChainStatus } from './vocabulary.ts';

/** A reason in the shape the release workflow stores for `changes_requested` (`{ rule, message }`). */
export interface AckReason {
  rule: string;
  message: string;
}

/**
 * What an acknowledgement does to a delivery in `uploaded` (state_machines.json, delivery):
 * `ack_success` (then `partner_reports_live` when `live`), `ack_error` with the partner's reasons, or
 * `pending` — an interim status that leaves the delivery waiting (the ACK timeout still applies).
 */
export type AckOutcome =
  | { event: 'ack_success'; live: boolean }
  | {
      event: 'ack_error';
      reasons: AckReason[];
      proposedAction: ProposedActionType | null;
      manualCheckRequired: boolean;
    }
  | { event: 'pending'; status: SupplyChainStatus };

type Verdict = 'success' | 'live' | 'error' | 'pending';

const releaseVerdict: Record<SupplyChainStatus, Verdict> = {
  SuccessfullyIngestedByReleaseDistributor: 'success',
  ReleaseStagedForPublication: 'success',
  ReleaseMadeAvailableToConsumers: 'live',
  ProcessingErrorAtReleaseDistributor: 'error',
  ProcessingErrorAtReleaseCreator: 'error',
  ReleaseViolatesTermsOfService: 'error',
  RightsConflict: 'error',
  ReleaseNotAvailable: 'error',
  // A status of the partner's own kind cannot be read as a success.
  UserDefined: 'error',
  DeliveredToReleaseDistributor: 'pending',
  InDeliveryToReleaseDistributor: 'pending',
  InPreparationForDeliveryToReleaseDistributor: 'pending',
  OrderPlacedForReleaseDistributor: 'pending',
  ReleaseReceivedByReleaseDistributor: 'pending',
};

const statusReasons: Partial<Record<SupplyChainStatus, string>> = {
  ProcessingErrorAtReleaseDistributor: 'The partner could not process the release.',
  ProcessingErrorAtReleaseCreator: 'The partner reports an error on our side.',
  ReleaseViolatesTermsOfService: 'The partner says the release violates its terms of service.',
  RightsConflict: 'The partner reports a rights conflict with another release.',
  ReleaseNotAvailable: 'The partner will not make the release available.',
  UserDefined: 'The partner reported a status of its own kind.',
};

const verdictOf = (release: AcknowledgedRelease): Verdict =>
  typeof release.status === 'string' ? releaseVerdict[release.status] : 'error';

function releaseReason(release: AcknowledgedRelease): AckReason {
  const rule = typeof release.status === 'string' ? release.status : release.status.unknown;
  const known = typeof release.status === 'string' ? statusReasons[release.status] : undefined;
  const message = release.errorText ?? known ?? `The partner answered an unknown release status "${rule}".`;
  return { rule, message: release.releaseId ? `${release.releaseId}: ${message}` : message };
}

/** Maps an acknowledgement's DDEX codes onto the delivery state machine, with human reasons. */
export function ackOutcome(ack: Acknowledgement): AckOutcome {
  const reasons: AckReason[] = [];
  if (typeof ack.fileStatus !== 'string') {
    reasons.push({
      rule: ack.fileStatus.unknown,
      message: `The partner answered an unknown file status "${ack.fileStatus.unknown}".`,
    });
  } else if (ack.fileStatus !== 'FileOK') {
    reasons.push({ rule: ack.fileStatus, message: ack.errorText ?? fileStatusReasons[ack.fileStatus] });
  }
  const verdicts = ack.releases.map(verdictOf);
  ack.releases.forEach((release, i) => {
    if (verdicts[i] === 'error') reasons.push(releaseReason(release));
  });
  if (reasons.length > 0) {
    return {
      event: 'ack_error',
      reasons,
      proposedAction: ack.releases.find((r) => r.proposedAction)?.proposedAction ?? null,
      manualCheckRequired: ack.releases.some((r) => r.manualCheckRequired),
    };
  }
  const pending = ack.releases.find((_release, i) => verdicts[i] === 'pending');
  if (pending && typeof pending.status === 'string') return { event: 'pending', status: pending.status };
  return { event: 'ack_success', live: verdicts.includes('live') };
}
