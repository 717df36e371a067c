import { describe, expect, test } from 'vitest';
import { stableTestId } from './stable-id.ts';

describe('the stable test id', { tags: ['unit', 'reporting'] }, () => {
  test('depends on the file and the title path only, so reordering tests keeps it', () => {
    const id = stableTestId('tests/unit/a.test.ts', ['suite', 'does x']);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(stableTestId('tests/unit/a.test.ts', ['suite', 'does x'])).toBe(id);
    expect(stableTestId('tests\\unit\\a.test.ts', ['suite', 'does x'])).toBe(id);
  });

  test("ignores the seed that @fast-check/vitest appends to a property's title", () => {
    expect(stableTestId('a.test.ts', ['ids', 'sort as text (with seed=418553980)'])).toBe(
      stableTestId('a.test.ts', ['ids', 'sort as text (with seed=1672534773)']),
    );
    expect(stableTestId('a.test.ts', ['ids', 'sort as text (with seed=1)'])).not.toBe(
      stableTestId('a.test.ts', ['ids', 'sort as text, reversed (with seed=1)']),
    );
  });

  test('changes when the test is renamed, moved to another suite or file', () => {
    const ids = new Set([
      stableTestId('a.test.ts', ['suite', 'does x']),
      stableTestId('a.test.ts', ['suite', 'does y']),
      stableTestId('a.test.ts', ['other', 'does x']),
      stableTestId('b.test.ts', ['suite', 'does x']),
      // Joining titles must not make ['a b', 'c'] and ['a', 'b c'] the same test.
      stableTestId('a.test.ts', ['suite does', 'x']),
    ]);
    expect(ids.size).toBe(5);
  });
});
