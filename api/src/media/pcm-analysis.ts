import type { Readable } from 'node:stream';
import type { WavHeader } from './wav-header.ts';

export interface PcmAnalysis {
  leadingSilenceMs: number;
  trailingSilenceMs: number;
  /** Whether any sample reaches full scale (0 dBFS), the mark of clipping. */
  clipped: boolean;
  peakDbfs: number;
}

/** Below −60 dBFS counts as silence. */
const SILENCE_RATIO = 10 ** (-60 / 20);

/**
 * Reads the PCM samples of a WAV stream once, in constant memory: leading/trailing silence (rule A4) and
 * the peak (rule A5). This decodes samples, so it runs in the asset-analysis job, never in the request.
 */
export async function analysePcm(stream: Readable, header: WavHeader): Promise<PcmAnalysis> {
  const bytesPerSample = header.bitDepth / 8;
  const full = 2 ** (header.bitDepth - 1);
  const silent = full * SILENCE_RATIO;
  const frameBytes = header.blockAlign;
  let skip = header.dataOffset;
  let remaining = header.dataBytes;
  let carry: Buffer = Buffer.alloc(0);
  let frame = 0;
  let firstSound = -1;
  let lastSound = -1;
  let peak = 0;
  for await (const chunk of stream) {
    let data = chunk as Buffer;
    if (skip > 0) {
      const dropped = Math.min(skip, data.length);
      skip -= dropped;
      data = data.subarray(dropped);
    }
    data = carry.length ? Buffer.concat([carry, data]) : data;
    const usable = Math.min(data.length - (data.length % frameBytes), remaining - (remaining % frameBytes));
    for (let offset = 0; offset < usable; offset += frameBytes, frame++) {
      let loud = false;
      for (let channel = 0; channel < header.channels; channel++) {
        const value = Math.abs(data.readIntLE(offset + channel * bytesPerSample, bytesPerSample));
        if (value > peak) peak = value;
        if (value > silent) loud = true;
      }
      if (loud) {
        if (firstSound < 0) firstSound = frame;
        lastSound = frame;
      }
    }
    remaining -= usable;
    carry = data.subarray(usable);
    if (remaining < frameBytes) break;
  }
  const toMs = (frames: number) => Math.round((frames / header.sampleRateHz) * 1000);
  return {
    leadingSilenceMs: toMs(firstSound < 0 ? frame : firstSound),
    trailingSilenceMs: toMs(firstSound < 0 ? 0 : frame - 1 - lastSound),
    clipped: peak >= full - 1,
    peakDbfs:
      peak === 0 ? -Infinity : Math.min(0, Math.round(20 * Math.log10(peak / (full - 1)) * 100) / 100) + 0,
  };
}
