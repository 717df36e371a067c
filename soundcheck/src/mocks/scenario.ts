/**
 * What a mock should do to the next matching requests instead of (or before) its normal answer. A
 * scenario applies to every matching request until reset, or to the next `times` of them.
 */
export interface Scenario {
  /** Wait this long before answering. */
  delayMs?: number;
  /** Answer with this status (and `body`, if given) instead of the normal answer. */
  status?: number;
  body?: string;
  /** Answer normally but with a garbled, truncated body. */
  malformedBody?: boolean;
  /** Answer 503 with `retry-after`, as a rate-limited service does. */
  rateLimit?: boolean;
  /** Close the connection without answering. */
  dropConnection?: boolean;
  /** Apply to the next `times` matching requests only. */
  times?: number;
}

interface Entry {
  match: string;
  scenario: Scenario;
  remaining: number;
}

/** Scenarios keyed by a path prefix (`*` matches everything); the longest matching prefix wins. */
export class ScenarioBook {
  #entries: Entry[] = [];

  set(match: string, scenario: Scenario): void {
    this.#entries = this.#entries.filter((entry) => entry.match !== match);
    this.#entries.push({ match, scenario, remaining: scenario.times ?? Number.POSITIVE_INFINITY });
  }

  /** The scenario for this request, counting it against `times`. */
  take(path: string): Scenario | undefined {
    const candidates = this.#entries
      .filter((entry) => entry.remaining > 0 && (entry.match === '*' || path.startsWith(entry.match)))
      .sort((a, b) => (b.match === '*' ? 0 : b.match.length) - (a.match === '*' ? 0 : a.match.length));
    const entry = candidates[0];
    if (!entry) return undefined;
    entry.remaining -= 1;
    return entry.scenario;
  }

  clear(): void {
    this.#entries = [];
  }
}

/** Garbles a body the way a broken upstream does: cut short, with bytes that no parser accepts. */
export function malform(body: Buffer): Buffer {
  return Buffer.concat([body.subarray(0, Math.floor(body.length / 2)), Buffer.from('\u0000<<garbled')]);
}
