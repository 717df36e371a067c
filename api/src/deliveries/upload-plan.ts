import { createHash } from 'node:crypto';
import type { ResourceFile } from '../ern/resource-files.ts';
import type { ErnPartner, MessageKind } from '../ern/types.ts';
import { batchIdAt } from './batch-id.ts';
import { buildBatchManifest } from './manifest.ts';

/**
 * One file to put on the partner's side, in order. Binaries name the asset to copy (`source`); the message
 * and the manifest carry their `content`. Every step has the SHA-256 the partner must end up with, so a
 * resumed upload can skip what already arrived intact.
 */
export type UploadStep =
  | { kind: 'resource'; path: string; source: { assetId: string }; sha256: string; sizeBytes: number }
  | { kind: 'message' | 'manifest'; path: string; content: string; sha256: string; sizeBytes: number };

export interface UploadPlan {
  /** The folder everything goes under, relative to the partner's root. */
  folder: string;
  steps: UploadStep[];
}

/** A release whose message is built and validated, with the binaries it references. */
export interface PackagedRelease {
  upc: string;
  kind: MessageKind;
  messageId: string;
  xml: string;
  /** From `resourceFiles()`; see `resourcesToSend`. */
  resources: readonly ResourceFile[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function contentStep(kind: 'message' | 'manifest', path: string, content: string): UploadStep {
  return { kind, path, content, sha256: sha256(content), sizeBytes: Buffer.byteLength(content) };
}

function releaseSteps(folder: string, release: PackagedRelease): UploadStep[] {
  return [
    ...release.resources.map(
      (file): UploadStep => ({
        kind: 'resource',
        path: `${folder}/${file.path}`,
        source: { assetId: file.assetId },
        sha256: file.sha256,
        sizeBytes: file.sizeBytes,
      }),
    ),
    contentStep('message', `${folder}/${release.upc}.xml`, release.xml),
  ];
}

/** Binaries go with `new` and `update` messages; a takedown or a purge references none. */
export function resourcesToSend(
  kind: MessageKind,
  files: { audio: ResourceFile[]; artwork: ResourceFile },
): ResourceFile[] {
  return kind === 'new' || kind === 'update' ? [...files.audio, files.artwork] : [];
}

/**
 * The batch profile (ECHO SFTP, DOMAIN.md §4): `<batchId>/` holding one folder per release named by its
 * UPC — resources, then the message — and `BatchComplete_<batchId>.xml` last, because its arrival is what
 * makes the partner ingest the batch.
 */
export function planBatch(options: {
  batchId: string;
  releases: readonly PackagedRelease[];
  manifestMessageId: string;
  sender: ErnPartner;
  recipient: ErnPartner;
  createdAt: Date;
  test: boolean;
}): UploadPlan {
  const folder = options.batchId;
  if (options.releases.length === 0) throw new Error('a batch needs at least one release');
  const upcs = options.releases.map((release) => release.upc);
  if (new Set(upcs).size !== upcs.length) throw new Error('a batch holds one message per release');
  const steps = options.releases.flatMap((release) => releaseSteps(`${folder}/${release.upc}`, release));
  const manifest = buildBatchManifest({
    batchId: options.batchId,
    messageId: options.manifestMessageId,
    sender: options.sender,
    recipient: options.recipient,
    createdAt: options.createdAt,
    test: options.test,
    entries: options.releases.map((release) => ({
      messageId: release.messageId,
      kind: release.kind,
      path: `${release.upc}/${release.upc}.xml`,
      upc: release.upc,
      sha256: sha256(release.xml),
    })),
  });
  steps.push(contentStep('manifest', `${folder}/BatchComplete_${options.batchId}.xml`, manifest));
  return { folder, steps };
}

/**
 * The release-by-release profile (ERN Part 3 / ECHO): `<UPC>_<YYYYMMDDhhmmssnnn>/` with the resources
 * first and `<UPC>.xml` last; the message's arrival is the trigger, so nothing may follow it.
 */
export function planReleaseByRelease(release: PackagedRelease, at: Date): UploadPlan {
  const folder = `${release.upc}_${batchIdAt(at)}`;
  return { folder, steps: releaseSteps(folder, release) };
}
