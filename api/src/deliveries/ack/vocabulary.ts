/** DDEX AVS vocabularies of acknowledgements (allowed-value-sets.xsd, AVS 3). */

export const supplyChainStatuses = [
  'DeliveredToReleaseDistributor',
  'InDeliveryToReleaseDistributor',
  'InPreparationForDeliveryToReleaseDistributor',
  'OrderPlacedForReleaseDistributor',
  'ProcessingErrorAtReleaseCreator',
  'ProcessingErrorAtReleaseDistributor',
  'ReleaseMadeAvailableToConsumers',
  'ReleaseNotAvailable',
  'ReleaseReceivedByReleaseDistributor',
  'ReleaseStagedForPublication',
  'ReleaseViolatesTermsOfService',
  'RightsConflict',
  'SuccessfullyIngestedByReleaseDistributor',
  'UserDefined',
] as const;
export type SupplyChainStatus = (typeof supplyChainStatuses)[number];

export const erncFileStatuses = [
  'ArtistRoleUnknown',
  'CommercialReleaseDateInvalid',
  'ConflictingAvailabilityPeriods',
  'DuplicatedPublisherNames',
  'ErnMissing',
  'FileOK',
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
] as const;
export type ErncFileStatus = (typeof erncFileStatuses)[number];

export const proposedActionTypes = [
  'DoNotResendAffectedResource',
  'DoNotResendRelease',
  'ResendXmlOnly',
  'ResendXmlAndResources',
  'UserDefined',
] as const;
export type ProposedActionType = (typeof proposedActionTypes)[number];

export const isSupplyChainStatus = (value: string): value is SupplyChainStatus =>
  (supplyChainStatuses as readonly string[]).includes(value);
export const isErncFileStatus = (value: string): value is ErncFileStatus =>
  (erncFileStatuses as readonly string[]).includes(value);
export const isProposedActionType = (value: string): value is ProposedActionType =>
  (proposedActionTypes as readonly string[]).includes(value);

/** What each file status means for the label, in words a label manager can act on. */
export const fileStatusReasons: Record<ErncFileStatus, string> = {
  ArtistRoleUnknown: 'The partner does not recognise an artist role.',
  CommercialReleaseDateInvalid: 'The release date is not acceptable to the partner.',
  ConflictingAvailabilityPeriods: 'Deals overlap or contradict each other.',
  DuplicatedPublisherNames: 'A publisher is named twice.',
  ErnMissing: 'The partner did not find the release message.',
  FileOK: 'The message was accepted.',
  IdentifierInvalid: 'An identifier (ISRC, UPC, ISWC…) is invalid or already used for something else.',
  IdentifierSyntaxInvalid: 'An identifier is malformed.',
  InternalError: 'The partner had an internal error; sending again later may work.',
  MetadataMissing: 'Required metadata is missing.',
  NewReleaseMessageInvalid: 'The partner could not read the release message.',
  NoDealForTrackRelease: 'A track has no deal.',
  NoDealInNewReleaseMessage: 'The release has no deal.',
  OriginalReleaseDateLaterThanReleaseDate: 'The original release date is after the release date.',
  PrimaryArtistNameMissing: 'The primary artist name is missing.',
  ResourceCorrupt: 'An audio or artwork file is corrupt.',
  ResourceMissing: 'An audio or artwork file is missing.',
  ResourceNotMeetingSpecifications: 'An audio or artwork file does not meet the partner’s specifications.',
  SignatureOrHashSumWrongOrMissing: 'A file’s checksum does not match.',
  UnsupportedUsage: 'A deal uses a usage the partner does not support.',
  UserDefined: 'The partner reported a problem of its own kind.',
};
