import { ApiError } from './errors.ts';

/** For actions that take no body: anything sent but nothing or `{}` is refused, never ignored. */
export function refuseBody(body: unknown): void {
  if (body === undefined || body === null) return;
  if (typeof body === 'object' && Object.keys(body).length === 0) return;
  throw new ApiError('VALIDATION_FAILED', 'This action takes no body', {
    errors: [{ field: '(root)', code: 'UNKNOWN_PROPERTY', message: 'send no body, or {}' }],
  });
}
