import type { AudioFacts } from '../media/audio-facts.ts';
import type { ImageFacts } from '../media/image-facts.ts';
import type { AssetRow } from '../releases/tables.ts';

/** The asset as the API shows it (API.md, "Assets"): its facts flattened beside id, kind and status. */
export function assetView(row: AssetRow) {
  return {
    id: row.id,
    kind: row.kind,
    releaseId: row.releaseId,
    trackId: row.trackId,
    contentType: row.contentType,
    ...(row.kind === 'artwork' ? (row.facts as ImageFacts) : (row.facts as AudioFacts)),
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    status: row.status,
    findings: row.findings,
    createdAt: row.createdAt.toISOString(),
  };
}

export type AssetView = ReturnType<typeof assetView>;
