import { formatIsrc, isValidIsrc, normalizeIsrc } from '@soundcheck/api/identifiers/isrc.ts';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { vectors } from './vectors.ts';

const upper = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const digit = fc.constantFrom(...'0123456789');
const canonicalIsrc = fc
  .tuple(
    fc.string({ unit: upper, minLength: 2, maxLength: 2 }),
    fc.string({ unit: alnum, minLength: 3, maxLength: 3 }),
    fc.string({ unit: digit, minLength: 7, maxLength: 7 }),
  )
  .map((parts) => parts.join(''));

describe('ISRC', { tags: ['unit', 'identifiers'] }, () => {
  test.each(vectors.isrc.valid)('accepts the real code $code', ({ code, ...rest }) => {
    const expected = 'normalized' in rest ? rest.normalized : code;
    expect(normalizeIsrc(code)).toBe(expected);
  });

  test.each(vectors.isrc.invalid.filter((v) => !v.reason.includes('strict')))(
    'refuses $code ($reason)',
    ({ code }) => {
      expect(normalizeIsrc(code)).toBeNull();
    },
  );

  test('a fictitious but well-formed code passes syntax (no registry check)', () => {
    expect(isValidIsrc(vectors.isrc.formatValidButFictitious[0]!.code)).toBe(true);
  });

  test('every canonical code normalises to itself, and its display form back to it', () => {
    fc.assert(
      fc.property(canonicalIsrc, (code) => {
        expect(normalizeIsrc(code)).toBe(code);
        expect(normalizeIsrc(formatIsrc(code))).toBe(code);
        expect(normalizeIsrc(`ISRC ${formatIsrc(code).toLowerCase()}`)).toBe(code);
      }),
    );
  });

  test('a hyphen anywhere but CC-XXX-YY-NNNNN is refused', () => {
    fc.assert(
      fc.property(canonicalIsrc, fc.integer({ min: 1, max: 11 }), (code, at) => {
        fc.pre(at !== 2 && at !== 5 && at !== 7);
        expect(normalizeIsrc(`${code.slice(0, at)}-${code.slice(at)}`)).toBeNull();
      }),
    );
  });

  test('a letter in the year or designation part is refused', () => {
    fc.assert(
      fc.property(canonicalIsrc, fc.integer({ min: 5, max: 11 }), upper, (code, at, letter) => {
        expect(normalizeIsrc(code.slice(0, at) + letter + code.slice(at + 1))).toBeNull();
      }),
    );
  });

  test('any other length is refused', () => {
    fc.assert(
      fc.property(canonicalIsrc, fc.integer({ min: 1, max: 11 }), (code, cut) => {
        expect(normalizeIsrc(code.slice(0, cut))).toBeNull();
        expect(normalizeIsrc(`${code}${code.slice(0, cut)}`)).toBeNull();
      }),
    );
  });
});
