import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The HMAC key of a secret, made once: importing it on every request cost a WebCrypto round trip. */
export const hmacKey = (secret: string): KeyObject => createSecretKey(Buffer.from(secret, 'utf8'));

function jsonObject(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(utf8.decode(Buffer.from(part, 'base64url')));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * The payload of a compact JWS signed with HS256 by `key`, or null. Synchronous on purpose: one HMAC-SHA256
 * costs about a microsecond, far less than a trip through WebCrypto's job queue. Only `alg: HS256` is
 * accepted (never `none`, never another algorithm), and a header naming critical extensions (`crit`) or an
 * unencoded payload (`b64`) is refused, as no token of ours carries them.
 */
export function verifyHs256(token: string, key: KeyObject): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  if (!BASE64URL.test(header) || !BASE64URL.test(payload) || !BASE64URL.test(signature)) return null;
  const protectedHeader = jsonObject(header);
  if (protectedHeader?.alg !== 'HS256') return null;
  if ('crit' in protectedHeader || 'b64' in protectedHeader) return null;
  const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest();
  const presented = Buffer.from(signature, 'base64url');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
  return jsonObject(payload);
}
