import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../cli/usage-error.ts';
import { stableTestId } from '../reporter/stable-id.ts';
import type { TestRecord } from '../reporter/test-record.ts';

/** One quarantined test: it runs and is recorded, but its failure does not fail the run until `expires`. */
export interface QuarantineEntry {
  file: string;
  /** The title path joined with ` › `, as the report and `soundcheck flaky` print it. */
  title: string;
  reason: string;
  owner: string;
  /** `YYYY-MM-DD`: from the next day on, the entry fails the run. */
  expires: string;
}

export const defaultQuarantineFile = 'tests/quarantine.json';

const idOf = (entry: Pick<QuarantineEntry, 'file' | 'title'>) =>
  stableTestId(entry.file, entry.title.split(' › '));

function checkEntry(entry: unknown, index: number, file: string): QuarantineEntry {
  const where = `${file} entry ${index + 1}`;
  if (typeof entry !== 'object' || entry === null) throw new UsageError(`${where} is not an object`);
  const fields = entry as Record<string, unknown>;
  for (const key of ['file', 'title', 'reason', 'owner', 'expires'] as const)
    if (typeof fields[key] !== 'string' || !(fields[key] as string).trim())
      throw new UsageError(`${where} needs "${key}" (file, title, reason, owner, expires YYYY-MM-DD)`);
  const expires = fields.expires as string;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`)))
    throw new UsageError(`${where} has expires "${expires}"; write a date as YYYY-MM-DD`);
  return fields as unknown as QuarantineEntry;
}

/** The quarantine list; none when the file does not exist. A file that does not parse is a usage error. */
export function readQuarantine(file = defaultQuarantineFile): QuarantineEntry[] {
  if (!existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `${file} does not parse (${(error as Error).message}); fix the JSON or delete the file`,
    );
  }
  const entries = (parsed as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) throw new UsageError(`${file} needs {"entries": [...]}`);
  return entries.map((entry, index) => checkEntry(entry, index, file));
}

export interface QuarantineOutcome {
  /** Ids of the tests under a live entry. */
  quarantined: Set<string>;
  /** What fails the run: expired entries, and (in a complete run) entries naming no test. */
  problems: string[];
}

/**
 * Applies the list to a run. `complete` says the run held every test (no category, tag or shard
 * selection): only then can an entry be said to name no existing test.
 */
export function applyQuarantine(
  tests: readonly TestRecord[],
  entries: readonly QuarantineEntry[],
  today: string,
  complete: boolean,
): QuarantineOutcome {
  const present = new Set(tests.map((test) => test.id));
  const quarantined = new Set<string>();
  const problems: string[] = [];
  for (const entry of entries) {
    const name = `${entry.file} › ${entry.title}`;
    if (entry.expires < today)
      problems.push(
        `quarantine of "${name}" expired on ${entry.expires} (owner ${entry.owner}): fix the test, or extend the entry`,
      );
    else quarantined.add(idOf(entry));
    if (complete && !present.has(idOf(entry)))
      problems.push(
        `quarantine entry "${name}" names no test of this run: remove it, or correct file and title`,
      );
  }
  return { quarantined, problems };
}

/** Failed tests that fail the run: every failure not under a live quarantine entry. */
export function countingFailures(
  tests: readonly TestRecord[],
  quarantined: ReadonlySet<string>,
): TestRecord[] {
  return tests.filter((test) => test.status === 'failed' && !quarantined.has(test.id));
}
