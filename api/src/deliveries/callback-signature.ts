import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a callback's timestamp may be from now, either way (API.md: 5 minutes). */
export const CALLBACK_WINDOW_SECONDS = 300;

/** Remembers accepted signatures; `firstSeen` is atomic (Redis `SET NX EX`, or in memory in tests). */
export interface ReplayGuard {
  /** True the first time `key` is seen within `ttlSeconds`, false on every later call. */
  firstSeen(key: string, ttlSeconds: number): Promise<boolean>;
}

export type CallbackVerdict =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'bad_signature' | 'replayed'; detail: string };

/** `sha256=<hex HMAC-SHA256 of timestamp + "." + raw body>`, keyed with the partner's callback secret. */
export function signCallback(secret: string, timestamp: string, rawBody: Buffer | string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  return `sha256=${mac}`;
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  // timingSafeEqual needs equal lengths; the length of a well-formed signature is public anyway.
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Verifies a partner callback (API.md, Deliveries): both headers present, a Unix-seconds timestamp within
 * five minutes of `now` either way, an HMAC that matches one of the partner's secrets (constant-time), and a
 * signature not accepted before. Replays are recorded only after the signature checks out, so forged
 * requests cannot fill the replay store.
 */
export async function verifyCallback(options: {
  secrets: readonly string[];
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer | string;
  now: Date;
  replay: ReplayGuard;
  /** Scopes the replay key, e.g. the partner id. */
  scope: string;
}): Promise<CallbackVerdict> {
  const { timestamp, signature } = options;
  if (!timestamp || !signature) {
    return { ok: false, reason: 'missing', detail: 'x-timestamp and x-signature are both required' };
  }
  if (!/^\d{1,12}$/.test(timestamp) || !/^sha256=[0-9a-f]{64}$/.test(signature)) {
    return {
      ok: false,
      reason: 'malformed',
      detail: 'x-timestamp must be Unix seconds and x-signature sha256=<hex>',
    };
  }
  const skew = Math.abs(options.now.getTime() / 1000 - Number(timestamp));
  if (skew > CALLBACK_WINDOW_SECONDS) {
    return { ok: false, reason: 'stale', detail: 'x-timestamp is more than 5 minutes from now' };
  }
  const matches = options.secrets.some((secret) =>
    sameSignature(signCallback(secret, timestamp, options.rawBody), signature),
  );
  if (!matches) return { ok: false, reason: 'bad_signature', detail: 'the signature does not match' };
  // Anything older than the window is refused as stale, so remembering for twice the window is enough.
  const fresh = await options.replay.firstSeen(`${options.scope}:${signature}`, 2 * CALLBACK_WINDOW_SECONDS);
  if (!fresh) return { ok: false, reason: 'replayed', detail: 'this signature was already accepted' };
  return { ok: true };
}

/** A ReplayGuard on Redis: `SET key 1 NX EX ttl` is atomic across API processes. */
export function redisReplayGuard(redis: {
  set(key: string, value: string, ex: 'EX', ttl: number, nx: 'NX'): Promise<'OK' | null>;
}): ReplayGuard {
  return {
    async firstSeen(key, ttlSeconds) {
      return (await redis.set(`callback-replay:${key}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
    },
  };
}

/** A ReplayGuard in process memory, for the embedded default and unit tests. */
export function memoryReplayGuard(now: () => number = Date.now): ReplayGuard {
  const seen = new Map<string, number>();
  return {
    async firstSeen(key, ttlSeconds) {
      const t = now();
      for (const [k, expires] of seen) if (expires <= t) seen.delete(k);
      if (seen.has(key)) return false;
      seen.set(key, t + ttlSeconds * 1000);
      return true;
    },
  };
}
