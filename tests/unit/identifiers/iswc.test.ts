import { isValidIswc, iswcCheckDigit, normalizeIswc } from '@soundcheck/api/identifiers/iswc.ts';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { vectors } from './vectors.ts';

const nineDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });

describe('ISWC', { tags: ['unit', 'identifiers'] }, () => {
  test('the worked example of DOMAIN.md: T-034.524.680 → 1', () => {
    expect(iswcCheckDigit('034524680')).toBe(1);
  });

  test.each(vectors.iswc.valid)('accepts the real code $code', ({ code }) => {
    expect(normalizeIswc(code)).toBe(code.replace(/[-.]/g, ''));
  });

  test.each(vectors.iswc.invalid)('refuses $code ($reason)', ({ code }) => {
    expect(normalizeIswc(code)).toBeNull();
  });

  test('display and compact forms of any code agree; a wrong check digit is refused', () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 1, max: 9 }), (body, delta) => {
        const check = iswcCheckDigit(body);
        const display = `T-${body.slice(0, 3)}.${body.slice(3, 6)}.${body.slice(6)}-${check}`;
        expect(normalizeIswc(display)).toBe(`T${body}${check}`);
        expect(normalizeIswc(`T${body}${check}`)).toBe(`T${body}${check}`);
        expect(normalizeIswc(`T${body}${(check + delta) % 10}`)).toBeNull();
      }),
    );
  });

  test('isValidIswc agrees with normalisation: real codes pass, broken ones do not', () => {
    for (const { code } of vectors.iswc.valid) expect(isValidIswc(code)).toBe(true);
    for (const { code } of vectors.iswc.invalid) expect(isValidIswc(code)).toBe(false);
  });
});
