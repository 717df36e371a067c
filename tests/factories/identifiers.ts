import { randomInt } from 'node:crypto';
import { gtinCheckDigit } from '@soundcheck/api/identifiers/gtin.ts';
import { ipiCheckDigits } from '@soundcheck/api/identifiers/ipi.ts';
import { isniCheckCharacter } from '@soundcheck/api/identifiers/isni.ts';
import { iswcCheckDigit } from '@soundcheck/api/identifiers/iswc.ts';

// Identifiers come from the crypto RNG, not the seeded faker: they must differ between runs too, because
// UPCs are unique platform-wide and black-box runs share one staging deployment.
const digits = (length: number): string => Array.from({ length }, () => randomInt(10)).join('');
const letters = (length: number): string =>
  Array.from({ length }, () => String.fromCharCode(65 + randomInt(26))).join('');

/** An EAN-13 with a correct check digit (the stored form of every barcode). */
export function randomEan13(): string {
  const body = digits(12);
  return `${body}${gtinCheckDigit(body)}`;
}

/** A UPC-A (12 digits) with a correct check digit; the API stores it as `0` + these 12 digits. */
export function randomUpcA(): string {
  const body = digits(11);
  return `${body}${gtinCheckDigit(body)}`;
}

/** A well-formed ISRC in the canonical 12-character form (ZZ: the agency prefix for test codes). */
export const randomIsrc = (): string => `ZZ${letters(3)}${digits(7)}`;

export function randomIsni(): string {
  const body = digits(15);
  return `${body}${isniCheckCharacter(body)}`;
}

export function randomIpiNameNumber(): string {
  const body = digits(9);
  return `${body}${ipiCheckDigits(body)}`;
}

export function randomIswc(): string {
  const body = digits(9);
  return `T-${body.slice(0, 3)}.${body.slice(3, 6)}.${body.slice(6)}-${iswcCheckDigit(body)}`;
}
