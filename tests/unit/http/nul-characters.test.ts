import { compileValidator, nulCharacterAt, validationErrors } from '@soundcheck/api/http/validation.ts';
import { describe, expect, test } from 'vitest';

const anything = { type: 'object' };

describe('NUL characters in request data', { tags: ['unit', 'catalog'] }, () => {
  test('the first string or key holding a NUL is found by its JSON pointer, at any depth', () => {
    expect(nulCharacterAt({ title: 'fine', pLine: { owner: 'a\u0000b' } })).toBe('/pLine/owner');
    expect(nulCharacterAt({ codes: ['FR', '\u0000'] })).toBe('/codes/1');
    expect(nulCharacterAt({ 'ke\u0000y': 1 })).toBe('/ke\u0000y');
    expect(nulCharacterAt({ title: 'tab\tbell\u0007', n: 1, none: null })).toBeNull();
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(nulCharacterAt(deep)).toBe('/0'.repeat(200_000));
  });

  test('data that passes its schema but holds a NUL is refused as INVALID_CHARACTER on the field', () => {
    for (const httpPart of ['body', 'querystring']) {
      const validate = compileValidator({ schema: anything, httpPart });
      expect(validate({ name: 'plain' })).toBe(true);
      expect(validate({ name: 'a\u0000b' })).toBe(false);
      expect(validationErrors(validate.errors ?? [], httpPart === 'body' ? 'body' : 'querystring')).toEqual([
        {
          field: httpPart === 'body' ? 'name' : 'querystring.name',
          code: 'INVALID_CHARACTER',
          message: 'name must not contain a NUL character',
        },
      ]);
      // Valid again afterwards: the refusal is not left behind on the validator.
      expect(validate({ name: 'plain' })).toBe(true);
    }
  });
});
