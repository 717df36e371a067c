import { ipiCheckDigits, isValidIpiNameNumber } from '@soundcheck/api/identifiers/ipi.ts';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { vectors } from './vectors.ts';

const nineDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });

describe('IPI name number', { tags: ['unit', 'identifiers'] }, () => {
  test('the worked example of DOMAIN.md: 000141073 → 38', () => {
    expect(ipiCheckDigits('000141073')).toBe('38');
  });

  test.each(vectors.ipiNameNumber.valid)('accepts the real code $code', ({ code }) => {
    expect(isValidIpiNameNumber(code)).toBe(true);
  });

  test.each(vectors.ipiNameNumber.invalid)('refuses $code ($reason)', ({ code }) => {
    expect(isValidIpiNameNumber(code)).toBe(false);
  });

  test('any body with its mod-101 check passes; another check fails', () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 1, max: 99 }), (body, delta) => {
        const check = ipiCheckDigits(body);
        expect(isValidIpiNameNumber(body + check)).toBe(true);
        const other = String((Number(check) + delta) % 100).padStart(2, '0');
        expect(isValidIpiNameNumber(body + other)).toBe(false);
      }),
    );
  });

  test('other lengths and non-digits are refused', () => {
    expect(isValidIpiNameNumber('0014107338')).toBe(false);
    expect(isValidIpiNameNumber('000141073380')).toBe(false);
    expect(isValidIpiNameNumber('0001410733A')).toBe(false);
  });
});
