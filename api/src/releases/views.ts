import type { ReleaseRow, TrackWithContributors } from './repository.ts';

/** A release's own metadata as clients, QC and ERN see it: the row's flat p/c-line columns folded. */
export function releaseMetadata(row: ReleaseRow) {
  return {
    title: row.title,
    version: row.version,
    releaseType: row.releaseType,
    upc: row.upc,
    genre: row.genre,
    language: row.language,
    parentalAdvisory: row.parentalAdvisory,
    pLine: { year: row.pLineYear, owner: row.pLineOwner },
    cLine: { year: row.cLineYear, owner: row.cLineOwner },
    releaseDate: row.releaseDate,
    originalReleaseDate: row.originalReleaseDate,
  };
}

/** The API representation of a release (API.md); the UPC in its stored 13-digit form. */
export function releaseView(row: ReleaseRow, primaryArtistIds: string[]) {
  return {
    id: row.id,
    labelId: row.labelId,
    createdBy: row.createdBy,
    state: row.state,
    ...releaseMetadata(row),
    primaryArtistIds,
    territories: row.territories,
    firstDeliveredAt: row.firstDeliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function trackView(row: TrackWithContributors) {
  return {
    id: row.id,
    releaseId: row.releaseId,
    title: row.title,
    version: row.version,
    isrc: row.isrc,
    discNumber: row.discNumber,
    trackNumber: row.trackNumber,
    contributors: row.contributors,
    parentalAdvisory: row.parentalAdvisory,
    language: row.language,
    instrumental: row.instrumental,
    iswc: row.iswc,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
