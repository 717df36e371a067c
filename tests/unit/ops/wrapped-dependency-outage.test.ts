import { isDependencyOutage } from '@soundcheck/api/http/dependency-outage.ts';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, test } from 'vitest';

const wrapped = (cause: unknown) =>
  new DrizzleQueryError('select "id" from "users" where "email" = $1', ['a'], cause as Error);

// What the ORM actually throws: the intermittent 500s on login and GET /v1/deliveries under load were pool
// timeouts arriving this way, unrecognised.
describe('a dependency outage wrapped by the ORM', { tags: ['unit', 'ops'] }, () => {
  test.each([
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    [
      'too many connections (53300)',
      Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
    ],
    ['a connection reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
  ])('%s inside a DrizzleQueryError is an outage', (_name, cause) => {
    expect(isDependencyOutage(wrapped(cause))).toBe(true);
  });

  test.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['an invalid UUID', Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' })],
    ['no cause at all', undefined],
  ])('%s inside a DrizzleQueryError is not', (_name, cause) => {
    expect(isDependencyOutage(wrapped(cause))).toBe(false);
  });

  test('a cycle of causes ends', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(isDependencyOutage(a)).toBe(false);
  });
});
