/**
 * Messages that mean the infrastructure let the test down, not the code under test: a service that is
 * unreachable, a connection dropped or reset, a network timeout. Node's errno codes, pg's and ioredis's
 * connection messages, PostgreSQL's shutdown/startup/too-many-clients errors, and undici's failures.
 */
export const infrastructurePatterns: readonly RegExp[] = [
  /\b(ECONNREFUSED|ECONNRESET|ECONNABORTED|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND)\b/,
  /\bsocket hang up\b/i,
  /\bConnection terminated (unexpectedly|due to connection timeout)\b/i,
  /\btimeout exceeded when trying to connect\b/i,
  /\bterminating connection due to administrator command\b/i,
  /\bthe database system is (starting up|shutting down|in recovery mode)\b/i,
  /\b(sorry, )?too many clients already\b/i,
  /\bConnection is closed\b/,
  /\bReached the max retries per request limit\b/,
  /\bfetch failed\b/,
  /\b(Connect|Headers|Body) Timeout Error\b/,
  /\bother side closed\b/,
];

/** The same patterns as one RegExp: Vitest's `retry.condition` must be serialisable for the workers. */
export const infrastructureCondition = new RegExp(infrastructurePatterns.map((p) => p.source).join('|'), 'i');

/** Retries only infrastructure failures, twice; the runner spaces them out (`backoffMs`). */
export const infrastructureRetry = { count: 2, condition: infrastructureCondition } as const;

/** 200 ms, 400 ms, 800 ms…: the wait before retry number `retry` (1-based). */
export function backoffMs(retry: number, baseMs = 200): number {
  return baseMs * 2 ** (retry - 1);
}
