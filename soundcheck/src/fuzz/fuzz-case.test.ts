import { describe, expect, test } from 'vitest';
import { wireHeaderValue } from './fuzz-case.ts';

describe('header values on the wire', { tags: ['unit', 'security'] }, () => {
  test('text beyond Latin-1 travels as its UTF-8 bytes, so fetch can send it (it threw on "ᾸX")', () => {
    const value = wireHeaderValue('ᾸX');
    expect(value).toBe(Buffer.from('ᾸX', 'utf8').toString('latin1'));
    expect(() => new Headers({ 'x-fuzz': value })).not.toThrow();
  });

  test('CR, LF and NUL are dropped (no client can send them in a header); tab and plain text are kept', () => {
    expect(wireHeaderValue('a\r\nb\0c\td')).toBe('abc\td');
    expect(wireHeaderValue(42)).toBe('42');
  });
});
