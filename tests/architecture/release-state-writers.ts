import { readSource, sourceFiles } from './source-files.ts';

/** The one module allowed to write a release's state and first-delivery time. */
export const releaseStateWriter = 'api/src/releases/transition.ts';

/** A Drizzle `update(releases)…set({ … state | firstDeliveredAt … })`, within one statement. */
const drizzleWrite =
  /\.update\(\s*releases\s*\)[^;]*?\.set\(\s*\{[^}]*?\b(state|firstDeliveredAt)\b\s*[:,}]/s;
/** Raw SQL `UPDATE releases SET … state = | first_delivered_at =`. */
const sqlWrite = /update\s+"?releases"?\s+set\b[^;'"`]*?\b(state|first_delivered_at)"?\s*=/is;

/**
 * The files other than `transition.ts` that write `releases.state` or `releases.first_delivered_at`: every
 * change of a release's state must ask the state machine and leave its trail, which only the writer does.
 */
export function otherReleaseStateWriters(files = sourceFiles(), read = readSource): string[] {
  const findings: string[] = [];
  for (const file of files) {
    if (file === releaseStateWriter || /^tests\/(unit\/)?architecture\//.test(file)) continue;
    const text = read(file);
    const match = drizzleWrite.exec(text) ?? sqlWrite.exec(text);
    if (!match) continue;
    const line = text.slice(0, match.index).split('\n').length;
    findings.push(`${file}:${line} writes releases.${match[1]}; go through ${releaseStateWriter}`);
  }
  return findings;
}
