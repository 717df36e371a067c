import type { ApiClient } from 'soundcheck/client/http-client.ts';

/** The error codes API.md itself lists: a test may insist on one of these where API.md names it for a case. */
export const contractCodes = [
  'VALIDATION_FAILED',
  'INVALID_CREDENTIALS',
  'NOT_FOUND',
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'IMMUTABLE_FIELD',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UPSTREAM_UNAVAILABLE',
  'CONFLICT',
  'INTERNAL_ERROR',
] as const;

const screamingSnake = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{4,}\b/g;

let documented: Promise<ReadonlySet<string>> | null = null;

/**
 * Every code the target documents: API.md's list plus each SCREAMING_SNAKE name its own `/openapi.json`
 * mentions (an error-code table in a description, an enum, an example). Where API.md leaves the code open, a
 * refusal's code must be one of these — the target's own catalogue, whatever it is.
 */
export function documentedCodes(api: ApiClient): Promise<ReadonlySet<string>> {
  documented ??= (async () => {
    const spec = await api.get('/openapi.json');
    if (spec.status !== 200) throw new Error(`GET /openapi.json: ${spec.status}; the contract requires it`);
    return new Set<string>([...contractCodes, ...(spec.text.match(screamingSnake) ?? [])]);
  })();
  return documented;
}
