import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { authorize } from '../policy/authorize.ts';
import type { Action } from '../policy/table.ts';
import { findLabel } from './repository.ts';

/**
 * The label a new artist or release belongs to: required from admins (they belong to none), otherwise
 * the caller's own label — naming another one is 403 (the policy's `ownLabel` decides).
 */
export async function owningLabel(
  deps: Deps,
  actor: Actor,
  requested: string | undefined,
  action: Action,
): Promise<string> {
  const labelId = requested ?? actor.labelId;
  if (!labelId) {
    throw new ApiError('VALIDATION_FAILED', 'labelId is required: say which label this belongs to', {
      errors: [{ field: 'labelId', code: 'REQUIRED', message: 'labelId is required for your role' }],
    });
  }
  authorize(actor, action, { labelId });
  if (!(await findLabel(deps.db, labelId))) {
    throw new ApiError('UNPROCESSABLE_CONTENT', 'labelId names no label', {
      errors: [{ field: 'labelId', code: 'NOT_FOUND', message: 'labelId names no label' }],
    });
  }
  return labelId;
}
