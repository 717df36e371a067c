import { ApiError, errorCatalogue, problemType, toProblem } from '@soundcheck/api/http/errors.ts';
import { describe, expect, test } from 'vitest';

describe('the error catalogue', { tags: ['unit', 'ops'] }, () => {
  test('codes are stable SCREAMING_SNAKE names with a 4xx/5xx status and a title', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      expect(code).toMatch(/^[A-Z]+(?:_[A-Z]+)*$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.status).toBeLessThan(600);
      expect(entry.title.length).toBeGreaterThan(3);
    }
  });

  test('holds every code API.md names', () => {
    const named = [
      'VALIDATION_FAILED',
      'INVALID_CREDENTIALS',
      'NOT_FOUND',
      'FORBIDDEN',
      'INVALID_TRANSITION',
      'IMMUTABLE_FIELD',
      'RATE_LIMITED',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'UPSTREAM_UNAVAILABLE',
      'CONFLICT',
      'IDEMPOTENCY_KEY_REUSED',
      'INTERNAL_ERROR',
    ];
    expect(Object.keys(errorCatalogue)).toEqual(expect.arrayContaining(named));
  });

  test('a problem carries the catalogue status and title, and field errors only when given', () => {
    expect(toProblem('CONFLICT', 'UPC 0012345678905 is taken')).toEqual({
      type: problemType('CONFLICT'),
      title: errorCatalogue.CONFLICT.title,
      status: 409,
      detail: 'UPC 0012345678905 is taken',
      code: 'CONFLICT',
    });
    const errors = [{ field: 'upc', code: 'INVALID_FORMAT', message: 'bad check digit' }];
    expect(toProblem('VALIDATION_FAILED', 'invalid', errors).errors).toEqual(errors);
  });

  test('an ApiError takes its status from the catalogue', () => {
    const error = new ApiError('RATE_LIMITED', 'slow down', { headers: { 'retry-after': '30' } });
    expect([error.status, error.headers]).toEqual([429, { 'retry-after': '30' }]);
  });
});
