/** A partner's acknowledgement that the release was ingested (DDEX vocabulary, API.md's callback body). */
export const ingested = (messageId: string) => ({
  messageId,
  releaseStatus: 'SuccessfullyIngestedByReleaseDistributor',
  fileStatus: 'FileOK',
});
