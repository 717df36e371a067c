/**
 * The message-local references (xs:IDREF-like anchors) the builder gives each party, resource, technical
 * detail and release. One place, so that the builder and the reference-rule checker agree.
 */
export const partyRef = {
  artist: (index: number) => `PArtist${index + 1}`,
  label: 'PLabel1',
} as const;

export const resourceRef = {
  track: (index: number) => `A${index + 1}`,
  artwork: (trackCount: number) => `A${trackCount + 1}`,
} as const;

export const technicalRef = {
  track: (index: number) => `T${index + 1}`,
  artwork: (trackCount: number) => `T${trackCount + 1}`,
} as const;

export const releaseRef = {
  main: 'R0',
  track: (index: number) => `R${index + 1}`,
} as const;
