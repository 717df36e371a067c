import { qcRules } from './rules/index.ts';
import type { Finding, QcContext, QcRelease, QcRule } from './types.ts';

export interface QcReport {
  valid: boolean;
  findings: Finding[];
}

/** Runs every rule; a release is valid when no finding blocks (warnings are reported, not fatal). */
export function validateRelease(
  release: QcRelease,
  context: QcContext,
  rules: readonly QcRule[] = qcRules,
): QcReport {
  const findings = rules.flatMap((rule) => rule.check(release, context));
  return { valid: findings.every((finding) => finding.severity !== 'block'), findings };
}
