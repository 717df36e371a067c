import { isniCheckCharacter, isValidIsni, normalizeIsni } from '@soundcheck/api/identifiers/isni.ts';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { vectors } from './vectors.ts';

const fifteenDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 15, maxLength: 15 });
const spaced = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ');

describe('ISNI', { tags: ['unit', 'identifiers'] }, () => {
  test.each(vectors.isni.valid)('accepts the real code $code, stored as 16 characters', ({ code }) => {
    expect(normalizeIsni(code)).toBe(code.replaceAll(' ', ''));
  });

  test.each(vectors.isni.invalid)('refuses $code ($reason)', ({ code }) => {
    expect(normalizeIsni(code)).toBeNull();
  });

  test('any body with its MOD 11-2 check is accepted compact or spaced, and stored compact', () => {
    fc.assert(
      fc.property(fifteenDigits, (body) => {
        const code = body + isniCheckCharacter(body);
        expect(normalizeIsni(code)).toBe(code);
        expect(normalizeIsni(spaced(code))).toBe(code);
        expect(normalizeIsni(spaced(code).toLowerCase())).toBe(code);
      }),
    );
  });

  test('a changed check character is refused', () => {
    fc.assert(
      fc.property(fifteenDigits, fc.constantFrom(...'0123456789X'), (body, other) => {
        fc.pre(other !== isniCheckCharacter(body));
        expect(normalizeIsni(body + other)).toBeNull();
      }),
    );
  });

  test('X is only allowed as the check character, and odd spacing is refused', () => {
    expect(normalizeIsni('X000000122819550')).toBeNull();
    expect(normalizeIsni('00000001 2281955X')).toBe('000000012281955X');
    expect(normalizeIsni('000 00001 2281 955X')).toBeNull();
  });

  test('isValidIsni agrees with normalisation: real codes pass, broken ones do not', () => {
    for (const { code } of vectors.isni.valid) expect(isValidIsni(code)).toBe(true);
    for (const { code } of vectors.isni.invalid) expect(isValidIsni(code)).toBe(false);
  });
});
