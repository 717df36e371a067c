import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Thrown when a stored secret cannot be decrypted: wrong key, tampered, truncated or unknown format. */
export class SecretDecryptError extends Error {
  override name = 'SecretDecryptError';
}

export interface SecretBox {
  /** `v1.<iv>.<ciphertext>.<tag>` (base64url). `context` (e.g. `partner:<id>:password`) is bound as AAD. */
  encrypt(plaintext: string, context: string): string;
  decrypt(sealed: string, context: string): string;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for partner credentials at rest (`SECRETS_KEY`). The key is derived with HKDF-SHA256 rather
 * than used raw, so the same configured secret can feed other purposes without key reuse. The context is
 * authenticated data: a ciphertext copied onto another partner's row (or another field) does not decrypt.
 * The `v1.` prefix lets a later format or key be introduced while old rows still read.
 */
export function createSecretBox(secretsKey: string): SecretBox {
  if (secretsKey.length < 32) throw new RangeError('SECRETS_KEY must be at least 32 characters long');
  const key = Buffer.from(hkdfSync('sha256', secretsKey, 'soundcheck/secrets', 'partner-credentials/v1', 32));
  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv, ciphertext, cipher.getAuthTag()]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    decrypt(sealed, context) {
      const parts = sealed.split('.');
      if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretDecryptError('unknown secret format');
      const [iv, ciphertext, tag] = parts.slice(1).map((part) => Buffer.from(part, 'base64url')) as [
        Buffer,
        Buffer,
        Buffer,
      ];
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
        throw new SecretDecryptError('malformed secret');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      } catch {
        // Never say which check failed (key, tag, context): the caller only needs "cannot decrypt".
        throw new SecretDecryptError('the secret cannot be decrypted with this key and context');
      }
    },
  };
}
