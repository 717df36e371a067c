import { describeHistoryLocation, type HistoryStore, openHistory } from '../history/store.ts';
import { print } from './table.ts';
import { UsageError } from './usage-error.ts';

export { UsageError };

/** Opens the history (saying where), runs `work`, closes it. */
export async function withHistory<T>(work: (store: HistoryStore) => Promise<T>): Promise<T> {
  print(`▸ history: ${describeHistoryLocation()}`);
  const store = await openHistory();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${name} takes a whole number ≥ 1`);
  return Number(value);
}
