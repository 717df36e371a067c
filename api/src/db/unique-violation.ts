/** The unique constraint a database error violated, or null (PostgreSQL code 23505; drizzle may wrap it). */
export function violatedConstraint(error: unknown): string | null {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const candidate = current as { code?: unknown; constraint?: unknown; message?: unknown };
    if (candidate.code === '23505') {
      if (typeof candidate.constraint === 'string') return candidate.constraint;
      // PGlite does not always fill `constraint`; its message names it.
      const named = /constraint "([^"]+)"/.exec(String(candidate.message));
      return named?.[1] ?? 'unknown';
    }
  }
  return null;
}
