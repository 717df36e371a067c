import { requestIdFrom } from '@soundcheck/api/http/request-id.ts';
import { describe, expect, test } from 'vitest';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', { tags: ['unit', 'ops'] }, () => {
  test("a caller's sane id is kept for tracing across hops", () => {
    expect(requestIdFrom('trace-0123456789')).toBe('trace-0123456789');
  });

  test.each([
    undefined,
    '',
    'short',
    'x'.repeat(65),
    'bad id with spaces',
    'a\r\nset-cookie: x=1',
    ['a', 'b'],
  ])('%j is replaced by a fresh UUIDv7', (header) => {
    expect(requestIdFrom(header)).toMatch(UUID_V7);
  });
});

describe('a fresh request id', { tags: ['unit', 'ops'] }, () => {
  test('starts with the Unix milliseconds it was made at, so ids sort by time', () => {
    const before = Date.now();
    const id = requestIdFrom(undefined);
    const after = Date.now();
    const made = Number.parseInt(id.replace('-', '').slice(0, 12), 16);
    expect(made).toBeGreaterThanOrEqual(before);
    expect(made).toBeLessThanOrEqual(after);
  });
});
