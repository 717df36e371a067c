/** UPC-A / EAN-13 barcodes (GS1 GTIN): always strings, never numbers, so leading zeros survive. */

/** The GS1 mod-10 check digit of the digits that precede it (weights 3,1,3,… from the right). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True for any GTIN (8, 12, 13 or 14 digits) whose last digit is its check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/**
 * The 13-digit form of a release barcode, or null. Only UPC-A (12 digits, stored with a leading 0)
 * and EAN-13 are release barcodes; other GTIN lengths are refused.
 */
export function normalizeUpc(code: string): string | null {
  if (!/^\d{12,13}$/.test(code) || !isValidGtin(code)) return null;
  return code.padStart(13, '0');
}
