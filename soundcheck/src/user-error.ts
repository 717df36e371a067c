/**
 * A problem the user can fix (a bad option, an unknown run, a service that is down, a busy history), whose
 * message says how. The CLI prints it as one line and exits 2, without a stack trace.
 */
export class UserError extends Error {
  override name = 'UserError';
}
