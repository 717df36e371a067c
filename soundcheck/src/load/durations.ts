/** A k6 duration (`'30s'`, `'1m30s'`, `'500ms'`, `'2h'`) or a number of milliseconds. */
export type Duration = string | number;

/** A load option that does not parse; the CLI prints its message as the one line of a usage error. */
export class LoadConfigError extends Error {
  override name = 'LoadConfigError';
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;

/** Milliseconds of a k6 duration; `what` names the option in the error. */
export function parseDuration(value: Duration, what: string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return value;
    throw new LoadConfigError(`${what}: ${value} is not a duration; use e.g. 30s, 1m30s or 500ms`);
  }
  const text = value.trim();
  if (!DURATION.test(text))
    throw new LoadConfigError(`${what}: "${value}" is not a duration; use e.g. 30s, 1m30s or 500ms`);
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g))
    total += Number(amount) * (UNIT_MS[unit as string] ?? 0);
  return total;
}

/** `'500/s'`, `'30/1m'` or `'500'` (per second) → iterations per `timeUnit`. */
export function parseRate(value: string, what = '--rate'): { rate: number; timeUnit: string } {
  const match = /^(\d+(?:\.\d+)?)(?:\/(\d*(?:ms|s|m|h)))?$/.exec(value.trim());
  if (!match) throw new LoadConfigError(`${what}: "${value}" is not a rate; use e.g. 500/s or 30/1m`);
  const unit = match[2] ?? 's';
  return { rate: Number(match[1]), timeUnit: /^\d/.test(unit) ? unit : `1${unit}` };
}

/** Shortest readable form of a duration in milliseconds, for tables: `1m30s`, `250ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes ? `${minutes}m${seconds % 60 ? `${seconds % 60}s` : ''}` : `${seconds}s`;
}
