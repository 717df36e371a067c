import { type AnyColumn, ilike, type SQL } from 'drizzle-orm';

/** `column` contains `text`, case-insensitively; `text` is text to find, not a pattern (`%`, `_` match themselves). */
export function containing(column: AnyColumn, text: string): SQL {
  return ilike(column, `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
}
