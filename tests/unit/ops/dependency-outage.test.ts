import { isDependencyOutage } from '@soundcheck/api/http/dependency-outage.ts';
import { describe, expect, test } from 'vitest';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('telling a dependency outage from a bug', { tags: ['unit', 'ops'] }, () => {
  test.each([
    ['too many PostgreSQL connections (53300)', withCode('53300')],
    ['PostgreSQL connection failure (08006)', withCode('08006')],
    ['PostgreSQL shutting down (57P01)', withCode('57P01')],
    ['refused connection', withCode('ECONNREFUSED')],
    ['reset connection', withCode('ECONNRESET')],
    ['pg pool timeout', new Error('timeout exceeded when trying to connect')],
    ['ioredis with Redis down', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['ioredis retries exhausted', Object.assign(new Error('x'), { name: 'MaxRetriesPerRequestError' })],
    ['S3 answering 503', Object.assign(new Error('SlowDown'), { $metadata: { httpStatusCode: 503 } })],
  ])('%s is an outage', (_name, error) => {
    expect(isDependencyOutage(error)).toBe(true);
  });

  test.each([
    ['a unique violation (23505)', withCode('23505')],
    ['a syntax error in SQL (42601)', withCode('42601')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['S3 answering 403', Object.assign(new Error('AccessDenied'), { $metadata: { httpStatusCode: 403 } })],
    ['not an error at all', 'boom'],
  ])('%s is not', (_name, error) => {
    expect(isDependencyOutage(error)).toBe(false);
  });
});
