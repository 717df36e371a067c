import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestRecord } from '../reporter/test-record.ts';
import { historyLocation } from './store.ts';

/**
 * A run's results as they come, one JSON line per test, outside the history: the run records them in
 * the history when it ends, so it holds the embedded store for seconds, not for its whole length, and
 * `history`, `flaky` or `serve` can read it meanwhile. A run that dies leaves its journal; the next run
 * records what it holds before marking it crashed.
 */
export function journalDir(location = historyLocation()): string {
  return 'dir' in location ? `${location.dir}.journal` : path.resolve('.soundcheck', 'journal');
}

const journalFile = (dir: string, runId: string) => path.join(dir, `${runId}.jsonl`);

export function appendToJournal(dir: string, runId: string, records: readonly TestRecord[]): void {
  mkdirSync(dir, { recursive: true });
  appendFileSync(journalFile(dir, runId), records.map((record) => `${JSON.stringify(record)}\n`).join(''));
}

/** The records of a run's journal; a last line cut short by a crash is dropped. */
export function readJournal(dir: string, runId: string): TestRecord[] {
  const file = journalFile(dir, runId);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return line ? [JSON.parse(line) as TestRecord] : [];
      } catch {
        return [];
      }
    });
}

export function removeJournal(dir: string, runId: string): void {
  rmSync(journalFile(dir, runId), { force: true });
}
