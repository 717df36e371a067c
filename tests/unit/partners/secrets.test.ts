import { fc, test } from '@fast-check/vitest';
import { createSecretBox, SecretDecryptError } from '@soundcheck/api/security/secrets.ts';
import { describe, expect } from 'vitest';

const box = createSecretBox('k'.repeat(48));
const context = 'partner:01936b2e-0000-7000-8000-000000000001:password';

describe('partner credential encryption', { tags: ['unit', 'delivery'] }, () => {
  test.prop([fc.string({ unit: 'grapheme', maxLength: 500 })])('decrypts what it encrypted', (secret) => {
    expect(box.decrypt(box.encrypt(secret, context), context)).toBe(secret);
  });

  test('the stored form is versioned and never contains the secret', () => {
    const sealed = box.encrypt('hunter2-hunter2', context);
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(sealed).not.toContain('hunter2');
    expect(Buffer.from(sealed.split('.')[2]!, 'base64url').toString('utf8')).not.toContain('hunter2');
  });

  test('the same secret encrypts differently every time (random IV)', () => {
    expect(box.encrypt('same', context)).not.toBe(box.encrypt('same', context));
  });

  test.prop([fc.constantFrom(1, 2, 3), fc.nat(), fc.integer({ min: 1, max: 255 })])(
    'any change to the IV, the ciphertext or the tag is detected',
    (part, position, xor) => {
      const parts = box.encrypt('s3cret-password', context).split('.');
      const bytes = Buffer.from(parts[part]!, 'base64url');
      const i = position % bytes.length;
      bytes[i] = bytes[i]! ^ xor;
      parts[part] = bytes.toString('base64url');
      expect(() => box.decrypt(parts.join('.'), context)).toThrow(SecretDecryptError);
    },
  );

  test('a ciphertext moved to another partner or field does not decrypt', () => {
    const sealed = box.encrypt('s3cret', context);
    expect(() => box.decrypt(sealed, context.replace('password', 'secretAccessKey'))).toThrow(
      SecretDecryptError,
    );
  });

  test('another SECRETS_KEY cannot decrypt', () => {
    const sealed = box.encrypt('s3cret', context);
    expect(() => createSecretBox('x'.repeat(48)).decrypt(sealed, context)).toThrow(
      new SecretDecryptError('the secret cannot be decrypted with this key and context'),
    );
  });

  test.each(['', 'plaintext', 'v2.a.b.c', 'v1.a.b', 'v1.AAAA.AAAA.AAAA'])(
    '%j is refused as not a stored secret',
    (sealed) => {
      expect(() => box.decrypt(sealed, context)).toThrow(SecretDecryptError);
    },
  );

  test('a short key is refused', () => {
    expect(() => createSecretBox('short')).toThrow(RangeError);
  });

  test('a secret sealed by an earlier release still decrypts: the key derivation and format are stable', () => {
    // Sealed once with this SECRETS_KEY and context; rows written by earlier releases must keep reading.
    const stored = 'v1.mujtTUuBnGZN_KX6.sB4TxpgDrYYXfqXW_fA.Bgx7m5Z59ut8c8XlNqE53g';
    expect(box.decrypt(stored, context)).toBe('pässwörd-✓');
  });

  test('a key of exactly 32 characters is enough; 31 is refused with the variable named', () => {
    expect(() => createSecretBox('k'.repeat(32))).not.toThrow();
    expect(() => createSecretBox('k'.repeat(31))).toThrow('SECRETS_KEY must be at least 32 characters long');
  });

  test.each([
    [
      'another version',
      'v2.mujtTUuBnGZN_KX6.sB4TxpgDrYYXfqXW_fA.Bgx7m5Z59ut8c8XlNqE53g',
      'unknown secret format',
    ],
    ['three parts', 'v1.mujtTUuBnGZN_KX6.sB4TxpgDrYYXfqXW_fA', 'unknown secret format'],
    [
      'five parts',
      'v1.mujtTUuBnGZN_KX6.sB4TxpgDrYYXfqXW_fA.Bgx7m5Z59ut8c8XlNqE53g.AAAA',
      'unknown secret format',
    ],
    ['a short IV', 'v1.mujtTUuBnGZN.sB4TxpgDrYYXfqXW_fA.Bgx7m5Z59ut8c8XlNqE53g', 'malformed secret'],
    ['a short tag', 'v1.mujtTUuBnGZN_KX6.sB4TxpgDrYYXfqXW_fA.Bgx7m5Z59ut8c8Xl', 'malformed secret'],
  ])('a stored value with %s is refused as such', (_case, sealed, message) => {
    const refusal = (() => {
      try {
        box.decrypt(sealed, context);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(SecretDecryptError);
    expect(refusal).toMatchObject({ name: 'SecretDecryptError', message });
  });
});
