/**
 * `npm run check:architecture` (part of `npm run check`): no test tier importing another tier's folder.
 * Exit 1 with one line per finding.
 */
import { tierCrossingImports } from './tier-imports.ts';

const findings = tierCrossingImports().map((finding) => `tier crossing: ${finding}`);
for (const finding of findings) process.stderr.write(`${finding}\n`);
if (findings.length === 0) process.stdout.write('architecture: no tier crossing\n');
process.exitCode = findings.length === 0 ? 0 : 1;
