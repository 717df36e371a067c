/** ISRC (ISO 3901): 12 characters `CCXXXYYNNNNN`, displayed `CC-XXX-YY-NNNNN`; it has no check digit. */

const CANONICAL = /^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/;
// Hyphens are optional, but when a client sends them they must sit exactly at CC-XXX-YY-NNNNN.
const HYPHENATED = /^[A-Z]{2}-[A-Z0-9]{3}-[0-9]{2}-[0-9]{5}$/;

/**
 * Returns the canonical 12-character, upper-case form of an ISRC, or null when it is malformed.
 * Accepts an `ISRC` prefix, surrounding spaces and hyphens in the documented positions.
 */
export function normalizeIsrc(input: string): string | null {
  let text = input.trim().toUpperCase();
  if (text.startsWith('ISRC')) text = text.slice(4).trim();
  if (text.includes('-') && !HYPHENATED.test(text)) return null;
  const compact = text.replaceAll('-', '');
  return CANONICAL.test(compact) ? compact : null;
}

export const isValidIsrc = (input: string): boolean => normalizeIsrc(input) !== null;

/** The display form `CC-XXX-YY-NNNNN` of a canonical ISRC. */
export function formatIsrc(canonical: string): string {
  return `${canonical.slice(0, 2)}-${canonical.slice(2, 5)}-${canonical.slice(5, 7)}-${canonical.slice(7)}`;
}
