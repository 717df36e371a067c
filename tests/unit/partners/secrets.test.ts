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
});
