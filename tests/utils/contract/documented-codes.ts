import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { expect } from 'vitest';

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

// One fetch per test file: a file has one target, while a worker runs many files one after another (module
// state outlives a file: Vitest does not isolate modules per file here), each in-process file with its own app.
const documentedByFile = new Map<string, Promise<ReadonlySet<string>>>();

/**
 * Every code the target documents: API.md's list plus each SCREAMING_SNAKE name its own `/openapi.json`
 * mentions (an error-code table in a description, an enum, an example). Where API.md leaves the code open, a
 * refusal's code must be one of these — the target's own catalogue, whatever it is.
 */
export function documentedCodes(api: ApiClient): Promise<ReadonlySet<string>> {
  const file = expect.getState().testPath ?? '';
  let documented = documentedByFile.get(file);
  if (!documented) {
    documented = (async () => {
      const spec = await api.get('/openapi.json');
      if (spec.status !== 200) throw new Error(`GET /openapi.json: ${spec.status}; the contract requires it`);
      return new Set<string>([...contractCodes, ...(spec.text.match(screamingSnake) ?? [])]);
    })();
    documentedByFile.set(file, documented);
  }
  return documented;
}
