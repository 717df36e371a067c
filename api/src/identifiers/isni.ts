/** ISNI (ISO 27729): 16 characters, the last an ISO 7064 MOD 11-2 check character (0-9 or X). */

/** The MOD 11-2 check character of the 15 digits before it. */
export function isniCheckCharacter(digits: string): string {
  let total = 0;
  for (const char of digits) total = ((total + Number(char)) * 2) % 11;
  const result = (12 - total) % 11;
  return result === 10 ? 'X' : String(result);
}

/** The stored 16-character form (spaces removed, `x` upper-cased), or null when malformed. */
export function normalizeIsni(input: string): string | null {
  const text = input.trim().toUpperCase();
  // Spaces are accepted only as the display grouping (4 × 4) or not at all.
  if (!/^\d{4} ?\d{4} ?\d{4} ?\d{3}[\dX]$/.test(text)) return null;
  const compact = text.replaceAll(' ', '');
  return isniCheckCharacter(compact.slice(0, 15)) === compact[15] ? compact : null;
}

export const isValidIsni = (input: string): boolean => normalizeIsni(input) !== null;
