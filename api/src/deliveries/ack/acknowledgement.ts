import type { ErncFileStatus, ProposedActionType, SupplyChainStatus } from './vocabulary.ts';

/** A partner's acknowledgement of one message, from an ACK file or a signed callback alike. */
export interface Acknowledgement {
  /** The MessageId of the message being acknowledged. */
  messageId: string;
  /** The message-level status; unknown codes are kept verbatim so the reason can name them. */
  fileStatus: ErncFileStatus | { unknown: string };
  releases: AcknowledgedRelease[];
  errorText: string | null;
}

export interface AcknowledgedRelease {
  /** ICPN, GRid or proprietary id, as the partner wrote it; null when the partner omitted it. */
  releaseId: string | null;
  status: SupplyChainStatus | { unknown: string };
  errorText: string | null;
  proposedAction: ProposedActionType | null;
  manualCheckRequired: boolean;
}

/** Thrown for an acknowledgement that cannot be read: the message names what is wrong. */
export class AckParseError extends Error {
  override name = 'AckParseError';
}
