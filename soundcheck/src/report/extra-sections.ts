import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the performance and security suites drop into the run folder — `performance/*.json` and
 * `security/*.json` — for the dashboard to show. One file per scenario or probe set:
 *
 * ```json
 * { "title": "Catalog browse, 50 users", "verdict": "passed",            // passed | failed | warning
 *   "summary": "p95 182 ms, budget 250 ms",
 *   "metrics": [{ "name": "p95", "value": 182, "unit": "ms", "budget": 250 }],
 *   "findings": [{ "severity": "high", "title": "…", "detail": "…" }] }  // severity: critical|high|medium|low|info
 * ```
 */
export interface SectionEntry {
  title: string;
  verdict: 'passed' | 'failed' | 'warning';
  summary?: string;
  metrics?: Array<{ name: string; value: number; unit?: string; budget?: number }>;
  findings?: Array<{ severity: string; title: string; detail?: string }>;
}

export type SectionName = 'performance' | 'security';

/** The entries of one section; a file that does not parse shows as a failed entry naming it. */
export function readSection(folder: string, name: SectionName): SectionEntry[] {
  const dir = path.join(folder, name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file): SectionEntry => {
      try {
        const entry = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as SectionEntry;
        if (typeof entry.title !== 'string') throw new Error('no "title"');
        return entry;
      } catch (error) {
        return {
          title: `${name}/${file}`,
          verdict: 'failed',
          summary: `unreadable: ${(error as Error).message}`,
        };
      }
    });
}
