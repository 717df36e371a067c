/**
 * `npm run check:architecture` (part of `npm run check`): no import cycle, no loop among api/src's folders,
 * no test tier importing another tier's folder, no writer of release state but releases/transition.ts.
 * Exit 1 with one line per finding.
 */
import { folderLoops } from './folder-loops.ts';
import { importCycles } from './import-cycles.ts';
import { otherReleaseStateWriters } from './release-state-writers.ts';
import { tierCrossingImports } from './tier-imports.ts';

const findings = [
  ...importCycles().map((files) => `import cycle among ${files.join(', ')}`),
  ...folderLoops().map((loop) => `folder loop: ${loop}`),
  ...tierCrossingImports().map((finding) => `tier crossing: ${finding}`),
  ...otherReleaseStateWriters().map((finding) => `second writer of release state: ${finding}`),
];
for (const finding of findings) process.stderr.write(`${finding}\n`);
if (findings.length === 0)
  process.stdout.write(
    'architecture: no import cycle, no folder loop, no tier crossing, one writer of release state\n',
  );
process.exitCode = findings.length === 0 ? 0 : 1;
