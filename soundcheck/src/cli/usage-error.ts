import { UserError } from '../user-error.ts';

/** A mistake of the user's (a bad option, an unknown run): one line naming the fix, exit 2, no stack. */
export class UsageError extends UserError {
  override name = 'UsageError';
}
