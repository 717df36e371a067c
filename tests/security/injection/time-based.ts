import { readFileSync } from 'node:fs';
import type { ApiResponse } from 'soundcheck/client/http-client.ts';

/**
 * Time-based blind SQL injection payloads for PostgreSQL that sleep `seconds` when they reach SQL: FuzzDB's
 * GenericBlind lines (MySQL's `sleep(__TIME__)#` rewritten as `pg_sleep(n)--`) and a few of our own
 * (stacked query, boolean, string concatenation).
 */
export function pgSleepPayloads(seconds: number): string[] {
  const sleep = `pg_sleep(${seconds})`;
  const blind = readFileSync(
    new URL('../../fixtures/payloads/sql-injection__detect__GenericBlind.txt', import.meta.url),
    'utf8',
  )
    .split('\n')
    .filter((line) => line.includes('sleep(__TIME__)'))
    .map((line) => line.replace('sleep(__TIME__)', sleep).replace(/#$/, '--'));
  return [
    `'; SELECT ${sleep}--`,
    `' OR ${sleep} IS NULL--`,
    `'||${sleep}||'`,
    `1; SELECT ${sleep}`,
    ...blind,
  ];
}

export interface LatencyVerdict {
  /** The payloads that were slow twice: each a finding. */
  slow: Array<{ payload: string; ms: number[] }>;
  baselineMs: number[];
  thresholdMs: number;
}

/**
 * Sends each payload through `send`, interleaved with benign strings through the same operation, and
 * calls a payload slow when it takes longer than the slowest benign request plus half the sleep — twice
 * (a slow first answer is sent again, so one scheduling hiccup is no finding). A payload that reaches SQL
 * sleeps every time; the benign requests measure this machine's noise in the same run.
 */
export async function timeBasedInjection(
  send: (value: string) => Promise<ApiResponse>,
  payloads: readonly string[],
  benign: () => string,
  sleepMs: number,
): Promise<LatencyVerdict> {
  const baselineMs: number[] = [];
  const timed = async (value: string) => (await send(value)).durationMs;
  for (let i = 0; i < 3; i++) baselineMs.push(await timed(benign()));
  const first = new Map<string, number>();
  for (const payload of payloads) {
    baselineMs.push(await timed(benign()));
    first.set(payload, await timed(payload));
  }
  const thresholdMs = Math.max(...baselineMs) + sleepMs / 2;
  const slow: LatencyVerdict['slow'] = [];
  for (const [payload, ms] of first) {
    if (ms < thresholdMs) continue;
    const again = await timed(payload);
    if (again >= thresholdMs) slow.push({ payload, ms: [ms, again] });
  }
  return { slow, baselineMs, thresholdMs };
}
