import { ApiError } from '../http/errors.ts';

/** 400 `VALIDATION_FAILED` for a well-typed value that fails its own rule (a check digit, a syntax). */
export function invalidField(field: string, message: string): ApiError {
  return new ApiError('VALIDATION_FAILED', `${field} is not valid: ${message}`, {
    errors: [{ field, code: 'INVALID_FORMAT', message: `${field} ${message}` }],
  });
}
