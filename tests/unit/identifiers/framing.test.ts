import { gtinCheckDigit, isValidGtin } from '@soundcheck/api/identifiers/gtin.ts';
import { ipiCheckDigits, isValidIpiNameNumber } from '@soundcheck/api/identifiers/ipi.ts';
import { isniCheckCharacter, normalizeIsni } from '@soundcheck/api/identifiers/isni.ts';
import { isValidIsrc, normalizeIsrc } from '@soundcheck/api/identifiers/isrc.ts';
import { iswcCheckDigit, normalizeIswc } from '@soundcheck/api/identifiers/iswc.ts';
import { describe, expect, test } from 'vitest';

// A code is the whole text, never a part of it: a valid code with one more character before or after it is
// refused, even where the extra character would pass the check digit (built so below); surrounding spaces
// are trimmed where DOMAIN.md's forms allow them.

/** A valid ISWC `T` + 10 digits whose first 9 characters after a leading extra character also check out. */
function iswcThatChecksWithAPrefix(): string {
  const first8 = '12345678';
  // With one character before the code, the check reads `T` + the first 8 digits and compares the 9th.
  const ninth = String(iswcCheckDigit(`T${first8}`));
  const nine = `${first8}${ninth}`;
  return `T${nine}${iswcCheckDigit(nine)}`;
}

/** A valid ISNI whose 16 digits, after one extra digit before them, still end their first 16 with a check. */
function isniThatChecksWithAPrefix(prefix: string): string {
  for (let n = 0; n < 10_000; n++) {
    const first14 = String(10_000_000_000_000 + n * 7919).slice(0, 14);
    const fifteenth = isniCheckCharacter(`${prefix}${first14}`);
    if (fifteenth === 'X') continue;
    const last = isniCheckCharacter(`${first14}${fifteenth}`);
    return `${first14}${fifteenth}${last}`;
  }
  throw new Error('no such ISNI in the range searched');
}

describe('identifiers are whole codes', { tags: ['unit', 'identifiers'] }, () => {
  test('ISRC: an extra leading letter or a hyphen outside CC-XXX-YY-NNNNN is refused; spaces are trimmed', () => {
    expect(normalizeIsrc('USRC17607839')).toBe('USRC17607839');
    expect(normalizeIsrc('XUSRC17607839')).toBeNull();
    expect(normalizeIsrc('US-RC1-76-07839-')).toBeNull();
    expect(normalizeIsrc('-US-RC1-76-07839')).toBeNull();
    expect(normalizeIsrc('  US-RC1-76-07839  ')).toBe('USRC17607839');
    expect(isValidIsrc('not an isrc')).toBe(false);
  });

  test('ISWC: a character before or after the code is refused, even one the check digit lets through', () => {
    const code = iswcThatChecksWithAPrefix();
    expect(normalizeIswc(code)).toBe(code);
    const display = `T-${code.slice(1, 4)}.${code.slice(4, 7)}.${code.slice(7, 10)}-${code[10]}`;
    expect(normalizeIswc(display)).toBe(code);
    for (const framed of [`X${code}`, `${code}7`, `X${display}`, `${display}7`])
      expect(normalizeIswc(framed), framed).toBeNull();
    expect(normalizeIswc(`  ${display} `)).toBe(code);
    // Not a T: the digits alone do not make an ISWC.
    expect(normalizeIswc(`Z${code.slice(1)}`)).toBeNull();
  });

  test('ISNI: a digit before or after the 16 is refused, even one the check character lets through', () => {
    const code = isniThatChecksWithAPrefix('9');
    expect(normalizeIsni(code)).toBe(code);
    expect(normalizeIsni(`9${code}`)).toBeNull();
    expect(normalizeIsni(`${code}9`)).toBeNull();
    const display = `${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8, 12)} ${code.slice(12)}`;
    expect(normalizeIsni(` ${display}  `)).toBe(code);
  });

  test('GTIN: an 8-digit code (EAN-8) is a GTIN; eight non-digits are not', () => {
    const ean8 = `1234567${gtinCheckDigit('1234567')}`;
    expect(isValidGtin(ean8)).toBe(true);
    expect(isValidGtin('ABCDEFGH')).toBe(false);
  });

  test('IPI: nine digits whose weighted sum is a multiple of 101 take the check 00', () => {
    let body = '';
    for (let n = 100_000_000; !body; n++) {
      const digits = String(n);
      const sum = [...digits].reduce((total, digit, i) => total + (10 - i) * Number(digit), 0);
      if (sum % 101 === 0) body = digits;
    }
    expect(ipiCheckDigits(body)).toBe('00');
    expect(isValidIpiNameNumber(`${body}00`)).toBe(true);
  });
});
