import { buildNewReleaseMessage, buildPurgeReleaseMessage } from './build-message.ts';
import { checkReferenceRules, type RuleFinding } from './reference-rules.ts';
import type { ErnInput, MessageMeta } from './types.ts';
import { validateErn } from './validate-xsd.ts';

/** Why a message was refused: XSD errors (`line N: …`) and reference-rule findings, all of them. */
export class ErnPackagingError extends Error {
  override name = 'ErnPackagingError';
  readonly xsdErrors: string[];
  readonly ruleFindings: RuleFinding[];

  constructor(xsdErrors: string[], ruleFindings: RuleFinding[]) {
    const reasons = [...xsdErrors, ...ruleFindings.map((finding) => `${finding.code}: ${finding.message}`)];
    super(`the ERN message is not valid (${reasons.length} problem(s)): ${reasons.slice(0, 5).join('; ')}`);
    this.xsdErrors = xsdErrors;
    this.ruleFindings = ruleFindings;
  }
}

export type PackageResult = { ok: true; xml: string } | { ok: false; error: ErnPackagingError };

/**
 * Builds the ERN message for one delivery and returns it only when it passes both the XSD and the
 * reference rules — a message that fails either never leaves the building.
 */
export async function packageMessage(input: ErnInput, meta: MessageMeta): Promise<PackageResult> {
  const xml =
    meta.kind === 'purge'
      ? buildPurgeReleaseMessage(input.release, { ...meta, kind: 'purge' })
      : buildNewReleaseMessage(input, { ...meta, kind: meta.kind });
  return checkMessage(xml, meta.kind);
}

/** Runs both checks on an already built message. */
export async function checkMessage(xml: string, kind: MessageMeta['kind']): Promise<PackageResult> {
  const [xsd, findings] = await Promise.all([
    validateErn(xml),
    Promise.resolve(checkReferenceRules(xml, kind)),
  ]);
  if (xsd.valid && findings.length === 0) return { ok: true, xml };
  return { ok: false, error: new ErnPackagingError(xsd.errors, findings) };
}
