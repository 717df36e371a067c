/** ISWC (ISO 15707): `T` + 9 digits + a weighted mod-10 check digit, displayed `T-034.524.680-1`. */

const DISPLAY = /^T-\d{3}\.\d{3}\.\d{3}-\d$/;
const COMPACT = /^T\d{10}$/;

/** The check digit of the 9 work digits: S = 1 + Σ i·dᵢ, C = (10 − S mod 10) mod 10. */
export function iswcCheckDigit(digits: string): number {
  let sum = 1;
  for (let i = 0; i < 9; i++) sum += (i + 1) * (digits.charCodeAt(i) - 48);
  return (10 - (sum % 10)) % 10;
}

/** The canonical 11-character form (`T0345246801`), or null when the syntax or check digit is wrong. */
export function normalizeIswc(input: string): string | null {
  const text = input.trim().toUpperCase();
  if (!DISPLAY.test(text) && !COMPACT.test(text)) return null;
  const compact = text.replace(/[-.]/g, '');
  return iswcCheckDigit(compact.slice(1, 10)) === Number(compact[10]) ? compact : null;
}

export const isValidIswc = (input: string): boolean => normalizeIswc(input) !== null;
