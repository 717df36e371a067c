import { gtinCheckDigit, isValidGtin, normalizeUpc } from '@soundcheck/api/identifiers/gtin.ts';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { vectors } from './vectors.ts';

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const withCheck = (body: string) => `${body}${gtinCheckDigit(body)}`;

describe('UPC-A / EAN-13', { tags: ['unit', 'identifiers'] }, () => {
  test('the worked example of DOMAIN.md: 01234567890 → check digit 5', () => {
    expect(gtinCheckDigit('01234567890')).toBe(5);
  });

  test.each(vectors.gtin.valid)('the real $kind $code passes its check digit', ({ code }) => {
    expect(isValidGtin(code)).toBe(true);
  });

  test.each(vectors.gtin.invalid)('refuses $code ($reason)', ({ code }) => {
    expect(isValidGtin(code)).toBe(false);
    expect(normalizeUpc(code)).toBeNull();
  });

  test('UPC-A and EAN-13 are stored as 13 digits; a UPC-A and its 0-prefixed EAN are one barcode', () => {
    expect(normalizeUpc('012345678905')).toBe('0012345678905');
    expect(normalizeUpc('0012345678905')).toBe('0012345678905');
    expect(normalizeUpc('602537479870')).toBe('0602537479870');
    expect(normalizeUpc('5901234123457')).toBe('5901234123457');
  });

  test('other GTIN lengths are refused as release barcodes even with a valid check digit', () => {
    expect(isValidGtin('00888072456686')).toBe(true);
    expect(normalizeUpc('00888072456686')).toBeNull();
    expect(normalizeUpc(withCheck('9638507'))).toBeNull();
  });

  test('a body with its computed check digit always passes, and as 13 digits', () => {
    fc.assert(
      fc.property(fc.oneof(digits(11), digits(12)), (body) => {
        const code = withCheck(body);
        expect(normalizeUpc(code)).toBe(code.padStart(13, '0'));
      }),
    );
  });

  test('changing any single digit breaks the check', () => {
    fc.assert(
      fc.property(digits(12), fc.nat(12), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const code = withCheck(body);
        const changed = (Number(code[at]) + delta) % 10;
        const broken = code.slice(0, at) + changed + code.slice(at + 1);
        expect(isValidGtin(broken)).toBe(false);
      }),
    );
  });

  test('non-digits are refused', () => {
    expect(normalizeUpc('01234567890X')).toBeNull();
    expect(normalizeUpc(' 012345678905')).toBeNull();
    expect(normalizeUpc('0123-4567-8905')).toBeNull();
  });

  test.each([7, 9, 10, 11, 15])('a correct check digit does not make %i digits a GTIN', (length) => {
    const code = withCheck('7'.repeat(length - 1));
    expect(isValidGtin(code)).toBe(false);
  });
});
