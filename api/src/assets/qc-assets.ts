import { eq } from 'drizzle-orm';
import type { Orm } from '../db/database.ts';
import type { AudioFacts } from '../media/audio-facts.ts';
import type { ImageFacts } from '../media/image-facts.ts';
import type { QcAsset, QcRelease } from '../qc/types.ts';
import { assets } from '../releases/tables.ts';

/**
 * Adds the release's artwork and each track's audio to a QC snapshot (tracks in the same order as
 * `trackIds`), and takes each track's duration from its audio.
 */
export async function withAssets(
  orm: Orm,
  releaseId: string,
  release: QcRelease,
  trackIds: string[],
): Promise<QcRelease> {
  const rows = await orm.select().from(assets).where(eq(assets.releaseId, releaseId));
  const asQc = <F>(row: (typeof rows)[number]): QcAsset<F> => ({
    facts: row.facts as F,
    sizeBytes: row.sizeBytes,
    status: row.status,
    findings: row.findings,
  });
  const artwork = rows.find((row) => row.kind === 'artwork');
  const audioByTrack = new Map(rows.filter((row) => row.kind === 'audio').map((row) => [row.trackId, row]));
  return {
    ...release,
    artwork: artwork ? asQc<ImageFacts>(artwork) : null,
    tracks: release.tracks.map((track, i) => {
      const audio = audioByTrack.get(trackIds[i] ?? '');
      const qcAudio = audio ? asQc<AudioFacts>(audio) : null;
      return { ...track, audio: qcAudio, durationMs: qcAudio?.facts.durationMs ?? track.durationMs };
    }),
  };
}
