/**
 * Whether an error means a dependency (PostgreSQL, Redis, object storage, a queue) is down or out of
 * capacity, rather than a bug: such requests are answered 503 with `retry-after`, so clients retry
 * instead of reporting a defect, and the logs still carry the cause.
 */
export function isDependencyOutage(error: unknown, depth = 0): boolean {
  // Drizzle wraps every failed query in a DrizzleQueryError ("Failed query: …") with the driver's error as
  // its `cause`: a pool timeout or "too many clients" only shows there, so causes are followed (a few levels).
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause && depth < 3 && isDependencyOutage(cause, depth + 1)) return true;
  const err = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  const code = typeof err.code === 'string' ? err.code : '';
  // PostgreSQL SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57P operator intervention.
  if (/^(08|53)[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code)) return true;
  if (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(
      code,
    )
  ) {
    return true;
  }
  if (err.name === 'MaxRetriesPerRequestError') return true;
  const message = typeof err.message === 'string' ? err.message : '';
  if (
    /^(Connection is closed|Stream isn't writeable|timeout exceeded when trying to connect|Connection terminated)/.test(
      message,
    )
  ) {
    return true;
  }
  // AWS SDK: the storage service answered 5xx (or throttled) after its own retries.
  const status = err.$metadata?.httpStatusCode;
  return typeof status === 'number' && (status >= 500 || status === 429);
}
