import { parseArgs } from 'node:util';
import { examineMachine, printFindings } from '../doctor/doctor.ts';

/** `soundcheck doctor`: what this machine has for a run, and the fix for what it lacks. Exit 1 on a problem. */
export async function doctorCommand(args: string[]): Promise<number> {
  parseArgs({ args, options: {} });
  const findings = await examineMachine();
  printFindings(findings);
  return findings.some((finding) => finding.level === 'fail') ? 1 : 0;
}
