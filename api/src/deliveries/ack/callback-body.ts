import { type Static, Type } from 'typebox';
import type { Acknowledgement } from './acknowledgement.ts';
import { erncFileStatuses, proposedActionTypes, supplyChainStatuses } from './vocabulary.ts';

/**
 * The JSON body of `POST /v1/partner-callbacks/{partnerId}` (API.md, Deliveries), in DDEX vocabulary.
 * Unknown statuses are refused (400) here: a callback is our own API, unlike a partner's ACK file.
 */
export const partnerCallbackBody = Type.Object(
  {
    messageId: Type.String({ minLength: 1, maxLength: 200 }),
    releaseStatus: Type.Enum(supplyChainStatuses),
    fileStatus: Type.Enum(erncFileStatuses),
    errorText: Type.Optional(Type.String({ maxLength: 2000 })),
    proposedActionType: Type.Optional(Type.Enum(proposedActionTypes)),
  },
  { additionalProperties: false },
);
export type PartnerCallbackBody = Static<typeof partnerCallbackBody>;

/** The callback body as an Acknowledgement, the shape ACK files are read into. */
export function acknowledgementFromCallback(body: PartnerCallbackBody): Acknowledgement {
  return {
    messageId: body.messageId,
    fileStatus: body.fileStatus,
    releases: [
      {
        releaseId: null,
        status: body.releaseStatus,
        errorText: body.errorText ?? null,
        proposedAction: body.proposedActionType ?? null,
        manualCheckRequired: false,
      },
    ],
    errorText: body.errorText ?? null,
  };
}
