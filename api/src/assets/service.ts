import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import { type AudioFacts, readAudioFacts } from '../media/audio-facts.ts';
import { type ImageFacts, readImageFacts } from '../media/image-facts.ts';
import { type ArtworkType, type AudioType, artworkTypes, audioTypes } from '../media/media-type.ts';
import { ensureVisible } from '../policy/authorize.ts';
import { artworkFindings, audioFindings } from '../qc/asset-findings.ts';
import type { Finding } from '../qc/types.ts';
import { findRelease } from '../releases/repository.ts';
import { lockEditable } from '../releases/service.ts';
import { type AssetRow, type AssetStatus, assets, tracks } from '../releases/tables.ts';
import { ASSET_ANALYSIS_QUEUE, type AssetAnalysisJob } from './analysis-job.ts';
import { type ReceivedFile, receiveUpload } from './receive-upload.ts';
import { assetView } from './views.ts';

export interface UploadBody {
  stream: Readable;
  contentType: string | undefined;
  contentLength: string | undefined;
}

interface Target {
  releaseId: string;
  trackId: string | null;
  kind: 'artwork' | 'audio';
}

function statusOf(findings: Finding[], needsAnalysis: boolean): AssetStatus {
  if (findings.some((finding) => finding.severity === 'block')) return 'invalid';
  return needsAnalysis ? 'analysing' : 'valid';
}

/** Stores the new asset row in place of the current one (after re-checking the release is still editable). */
async function replaceAsset(deps: Deps, actor: Actor, target: Target, row: AssetRow): Promise<string | null> {
  return deps.db.orm.transaction(async (tx) => {
    await lockEditable(tx, actor, target.releaseId);
    const current = and(
      eq(assets.releaseId, target.releaseId),
      eq(assets.kind, target.kind),
      ...(target.trackId ? [eq(assets.trackId, target.trackId)] : []),
    );
    const [previous] = await tx.delete(assets).where(current).returning({ storageKey: assets.storageKey });
    await tx.insert(assets).values(row);
    return previous?.storageKey ?? null;
  });
}

async function store<F>(
  deps: Deps,
  actor: Actor,
  target: Target,
  received: (key: string) => Promise<ReceivedFile<F>>,
  findingsOf: (file: ReceivedFile<F>) => Finding[],
  needsAnalysis: (file: ReceivedFile<F>) => boolean,
) {
  const id = uuidv7();
  const key = `${target.kind}/${id.slice(-2)}/${id}`;
  const file = await received(key);
  const findings = findingsOf(file);
  const now = deps.clock.now();
  const row: AssetRow = {
    id,
    ...target,
    storageKey: key,
    contentType: file.type,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    facts: file.facts as ImageFacts | AudioFacts,
    status: statusOf(findings, needsAnalysis(file)),
    findings,
    createdBy: actor.id,
    createdAt: now,
    updatedAt: now,
  };
  let replacedKey: string | null;
  try {
    replacedKey = await replaceAsset(deps, actor, target, row);
  } catch (error) {
    await deps.storage.delete(key).catch(() => {});
    throw error;
  }
  if (replacedKey) await deps.storage.delete(replacedKey).catch(() => {});
  if (row.status === 'analysing') {
    await deps.queue.add<AssetAnalysisJob>(ASSET_ANALYSIS_QUEUE, { assetId: id }, { jobId: id });
  }
  return assetView(row);
}

/** PUT /v1/releases/{id}/artwork. */
export async function uploadArtwork(deps: Deps, actor: Actor, releaseId: string, upload: UploadBody) {
  await lockEditable(deps.db.orm, actor, releaseId);
  return store<ImageFacts>(
    deps,
    actor,
    { releaseId, trackId: null, kind: 'artwork' },
    (key) =>
      receiveUpload(deps.storage, key, upload.stream, upload, {
        accepted: artworkTypes,
        maxBytes: deps.config.artworkMaxBytes,
        readFacts: (type, head) => readImageFacts(type as ArtworkType, head),
      }),
    (file) => artworkFindings(file.facts, file.sizeBytes),
    () => false,
  );
}

/** PUT /v1/releases/{id}/tracks/{trackId}/audio. WAV is analysed in the background (A4/A5). */
export async function uploadAudio(
  deps: Deps,
  actor: Actor,
  releaseId: string,
  trackId: string,
  upload: UploadBody,
) {
  await lockEditable(deps.db.orm, actor, releaseId);
  const [track] = await deps.db.orm
    .select({ id: tracks.id })
    .from(tracks)
    .where(and(eq(tracks.id, trackId), eq(tracks.releaseId, releaseId)));
  if (!track) throw notFound('Track');
  return store<AudioFacts>(
    deps,
    actor,
    { releaseId, trackId, kind: 'audio' },
    (key) =>
      receiveUpload(deps.storage, key, upload.stream, upload, {
        accepted: audioTypes,
        maxBytes: deps.config.audioMaxBytes,
        readFacts: (type, head) => readAudioFacts(type as AudioType, head),
      }),
    (file) => audioFindings(file.facts),
    (file) => file.type === 'audio/wav',
  );
}

/** An asset the actor may see (through its release), or 404. */
export async function visibleAsset(deps: Deps, actor: Actor, id: string): Promise<AssetRow> {
  const [row] = await deps.db.orm.select().from(assets).where(eq(assets.id, id));
  if (!row) throw notFound('Asset');
  ensureVisible(actor, 'release:read', await findRelease(deps.db.orm, row.releaseId), 'Asset');
  return row;
}
