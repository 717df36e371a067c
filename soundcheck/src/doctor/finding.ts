/** One line of `soundcheck doctor`: fine, worth fixing (the run goes on), or blocking. */
export interface Finding {
  level: 'ok' | 'warn' | 'fail';
  name: string;
  detail: string;
  /** The exact command or setting that fixes it. */
  fix?: string;
}

const marks = { ok: '✓', warn: '!', fail: '✗' } as const;

export function formatFinding(finding: Finding): string {
  const line = `  ${marks[finding.level]} ${finding.name.padEnd(14)} ${finding.detail}`;
  return finding.fix ? `${line}\n    → ${finding.fix}` : line;
}
