import {
  checkedDpid,
  dpidCheckCharacter,
  isValidDpid,
  normalizeDpid,
} from '@soundcheck/api/identifiers/dpid.ts';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { vectors } from './vectors.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const partyNumber = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 10, maxLength: 10 });
const display = (code: string) => `PA-DPIDA-${code.slice(7, 17)}-${code[17]}`;

describe('DPID (ISO 7064 MOD 37,36)', { tags: ['unit', 'identifiers'] }, () => {
  test.each(vectors.dpid.valid)('accepts the real code $code, compact and in display form', ({ code }) => {
    expect(isValidDpid(code)).toBe(true);
    expect(normalizeDpid(code)).toBe(code);
    expect(normalizeDpid(display(code))).toBe(code);
    expect(normalizeDpid(display(code).toLowerCase())).toBe(code);
  });

  test.each(vectors.dpid.invalid)('refuses $code ($reason)', ({ code }) => {
    expect(isValidDpid(code)).toBe(false);
    expect(normalizeDpid(code)).toBeNull();
  });

  test('computes the check character DOMAIN.md gives for Spotify and the sample that should end in L', () => {
    expect(dpidCheckCharacter('PADPIDA2011072101')).toBe('T');
    expect(dpidCheckCharacter('PADPIDA2014120301')).toBe('L');
  });

  test('any party number with its check character is valid; every other check character is not', () => {
    fc.assert(
      fc.property(partyNumber, fc.constantFrom(...ALPHABET), (number, other) => {
        const body = `PADPIDA${number}`;
        const check = dpidCheckCharacter(body);
        expect(isValidDpid(body + check)).toBe(true);
        expect(normalizeDpid(display(body + check))).toBe(body + check);
        if (other !== check) expect(isValidDpid(body + other)).toBe(false);
      }),
    );
  });

  test('a single changed character of the party number is always detected', () => {
    fc.assert(
      fc.property(
        partyNumber,
        fc.nat({ max: 9 }),
        fc.constantFrom(...ALPHABET),
        (number, at, replacement) => {
          const code = `PADPIDA${number}${dpidCheckCharacter(`PADPIDA${number}`)}`;
          const changed = code.slice(0, 7 + at) + replacement + code.slice(8 + at);
          expect(isValidDpid(changed)).toBe(changed === code);
        },
      ),
    );
  });

  test.each([
    ['too short', 'PADPIDA2011072101'],
    ['too long', 'PADPIDA2011072101TT'],
    ['another prefix', 'PADPIDB2011072101T'],
    ['a non-alphanumeric character', 'PADPIDA20110721-1T'],
    ['misplaced hyphens', 'PADPIDA-2011072101-T'],
    ['empty', ''],
  ])('refuses a code of the wrong form (%s)', (_reason, code) => {
    expect(normalizeDpid(code)).toBeNull();
  });

  test('a valid DPID inside a longer text is refused, whatever comes before or after it', () => {
    const code = 'PADPIDA2011072101T';
    // A 19-character text whose 18th character is the check character of its first 17.
    const body = 'XPADPIDA201107210';
    const prefixed = `${body}${dpidCheckCharacter(body)}0`;
    expect(isValidDpid(prefixed)).toBe(false);
    expect(normalizeDpid(`X${display(code)}`)).toBeNull();
    expect(normalizeDpid(`${display(code)}X`)).toBeNull();
  });

  test('spaces around a typed DPID are dropped', () => {
    expect(normalizeDpid('  PADPIDA2011072101T ')).toBe('PADPIDA2011072101T');
    expect(normalizeDpid(' pa-dpida-2011072101-t\t')).toBe('PADPIDA2011072101T');
  });

  test('a character outside 0-9A-Z has no check value, and the error names it', () => {
    expect(() => dpidCheckCharacter('PADPIDA20110721-1')).toThrow('"-" is not a DPID character');
  });

  test('a DPID in a request is stored canonical, or refused as a 400 naming the dpid field', () => {
    expect(checkedDpid('pa-dpida-2011072101-t', 'partner not saved')).toBe('PADPIDA2011072101T');
    expect(() => checkedDpid('PADPIDA2011072101X', 'partner not saved')).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: 'partner not saved',
        errors: [
          { field: 'dpid', code: 'INVALID_CHECK_CHARACTER', message: 'dpid fails its MOD 37,36 check' },
        ],
      }),
    );
  });
});
