import { eq } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { analysePcm } from '../media/pcm-analysis.ts';
import { readWavHeader } from '../media/wav-header.ts';
import { analysisFindings } from '../qc/asset-findings.ts';
import { assets } from '../releases/tables.ts';

export const ASSET_ANALYSIS_QUEUE = 'asset-analysis';

export interface AssetAnalysisJob {
  assetId: string;
}

const HEADER_BYTES = 64 * 1024;

/**
 * Reads a WAV asset's samples once (silence A4, clipping A5) and settles its status. Idempotent: an asset
 * already settled, or replaced meanwhile, is left alone.
 */
export async function analyseAsset(deps: Deps, job: AssetAnalysisJob): Promise<void> {
  const [asset] = await deps.db.orm.select().from(assets).where(eq(assets.id, job.assetId));
  if (asset?.status !== 'analysing') return;
  const headStream = await deps.storage.get(asset.storageKey);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of headStream) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length >= HEADER_BYTES) break;
  }
  headStream.destroy();
  const header = readWavHeader(Buffer.concat(chunks));
  const analysis = await analysePcm(await deps.storage.get(asset.storageKey), header);
  const findings = [...asset.findings, ...analysisFindings(analysis)];
  await deps.db.orm
    .update(assets)
    .set({
      findings,
      status: findings.some((f) => f.severity === 'block') ? 'invalid' : 'valid',
      updatedAt: deps.clock.now(),
    })
    .where(eq(assets.id, asset.id));
}
