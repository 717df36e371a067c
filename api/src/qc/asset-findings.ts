import type { AudioFacts } from '../media/audio-facts.ts';
import type { ImageFacts } from '../media/image-facts.ts';
import type { PcmAnalysis } from '../media/pcm-analysis.ts';
import type { Finding } from './types.ts';

/** Rule C5's limit: distributors' artwork limits vary (FreshTunes 10 MB); the upload limit is separate. */
export const ARTWORK_QC_MAX_BYTES = 10 * 1000 * 1000;
/** Rule C2 and A6 thresholds (qc_rules.json marks them configurable). */
export const MIN_ARTWORK_PX = 3000;
export const MIN_DURATION_MS = 30_000;
export const MAX_SILENCE_MS = 10_000;

const block = (rule: string, field: string, message: string): Finding => ({
  rule,
  severity: 'block',
  field,
  message,
});
const warn = (rule: string, field: string, message: string): Finding => ({
  rule,
  severity: 'warn',
  field,
  message,
});

/** Rules C1–C5 on artwork header facts; `at` prefixes the field (`artwork.`). */
export function artworkFindings(facts: ImageFacts, sizeBytes: number, at = ''): Finding[] {
  const findings: Finding[] = [];
  if (facts.width !== facts.height)
    findings.push(block('C1', `${at}width`, `Artwork must be square; it is ${facts.width}×${facts.height}`));
  if (Math.min(facts.width, facts.height) < MIN_ARTWORK_PX)
    findings.push(
      block('C2', `${at}width`, `Artwork must be at least ${MIN_ARTWORK_PX}×${MIN_ARTWORK_PX} px`),
    );
  if (facts.format !== 'jpeg' && facts.format !== 'png')
    findings.push(block('C3', `${at}format`, 'Artwork must be JPEG or PNG'));
  if (facts.colorSpace !== 'RGB')
    findings.push(block('C4', `${at}colorSpace`, `Artwork must be RGB; it is ${facts.colorSpace}`));
  if (sizeBytes > ARTWORK_QC_MAX_BYTES)
    findings.push(block('C5', `${at}sizeBytes`, `Artwork must be at most ${ARTWORK_QC_MAX_BYTES / 1e6} MB`));
  return findings;
}

/** Rules A1–A3, A6 and A7 on audio header facts. */
export function audioFindings(facts: AudioFacts, at = ''): Finding[] {
  const findings: Finding[] = [];
  if (facts.codec !== 'pcm' && facts.codec !== 'flac')
    findings.push(block('A1', `${at}codec`, 'Audio must be WAV (PCM) or FLAC'));
  if (facts.bitDepth < 16 || facts.sampleRateHz < 44_100 || facts.sampleRateHz > 192_000)
    findings.push(
      block(
        'A2',
        `${at}sampleRateHz`,
        `Audio must be at least 16-bit and 44.1–192 kHz; it is ${facts.bitDepth}-bit ${facts.sampleRateHz} Hz`,
      ),
    );
  if (facts.channels !== 2)
    findings.push(block('A3', `${at}channels`, `Audio must be stereo; it has ${facts.channels} channel(s)`));
  if (facts.durationMs < MIN_DURATION_MS)
    findings.push(block('A6', `${at}durationMs`, `Audio must last at least ${MIN_DURATION_MS / 1000} s`));
  if (facts.tagged)
    findings.push(
      warn('A7', `${at}tagged`, 'The audio carries embedded metadata tags; deliver it without them'),
    );
  return findings;
}

/** Warning rules A4 (silence) and A5 (clipping) from the PCM analysis job. */
export function analysisFindings(analysis: PcmAnalysis, at = ''): Finding[] {
  const findings: Finding[] = [];
  if (analysis.leadingSilenceMs > MAX_SILENCE_MS)
    findings.push(
      warn(
        'A4',
        `${at}leadingSilenceMs`,
        `${analysis.leadingSilenceMs / 1000} s of silence at the start (at most 10 s)`,
      ),
    );
  if (analysis.trailingSilenceMs > MAX_SILENCE_MS)
    findings.push(
      warn(
        'A4',
        `${at}trailingSilenceMs`,
        `${analysis.trailingSilenceMs / 1000} s of silence at the end (at most 10 s)`,
      ),
    );
  if (analysis.clipped) findings.push(warn('A5', `${at}peakDbfs`, 'The audio clips: its peaks reach 0 dBFS'));
  return findings;
}
