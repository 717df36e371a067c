import pg from 'pg';
import { errors as undiciErrors } from 'undici';
import { describe, expect, test } from 'vitest';
import { classify, phaseOf } from './classify.ts';
import { infrastructureCondition } from './infrastructure-retry.ts';

function thrown(work: () => unknown): Error {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

function databaseError(message: string, code: string): Error {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

describe('the error classifier', { tags: ['unit', 'reporting'] }, () => {
  const infrastructure: Array<[string, Error]> = [
    [
      'a refused TCP connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['pg losing its server', new Error('Connection terminated unexpectedly')],
    ['pg pool connect timeout', new Error('timeout exceeded when trying to connect')],
    [
      'PostgreSQL shutting down (57P01)',
      databaseError('terminating connection due to administrator command', '57P01'),
    ],
    ['PostgreSQL out of slots (53300)', databaseError('sorry, too many clients already', '53300')],
    ['ioredis after a disconnect', new Error('Connection is closed.')],
    [
      'ioredis giving up',
      new Error(
        'Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.',
      ),
    ],
    ['undici connect timeout', new undiciErrors.ConnectTimeoutError()],
    ['undici headers timeout', new undiciErrors.HeadersTimeoutError()],
    ['undici reset by the peer', new undiciErrors.SocketError('other side closed')],
    [
      'fetch failing on a reset connection',
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      }),
    ],
  ];

  test.each(infrastructure)('calls %s infrastructure, wherever it happened', (_name, error) => {
    expect([classify(error, 'execution'), classify(error, 'setup'), classify(error, 'teardown')]).toEqual([
      'infrastructure',
      'infrastructure',
      'infrastructure',
    ]);
  });

  test('retries on the message of every infrastructure shape that carries it (what Vitest tests)', () => {
    const retried = infrastructure.filter(([, error]) => infrastructureCondition.test(error.message));
    // The two PostgreSQL errors are caught by their code too; all eleven also match by message.
    expect(retried.map(([name]) => name)).toEqual(infrastructure.map(([name]) => name));
  });

  test('keeps an assertion, a constraint violation and a syntax error where they happened', () => {
    const assertion = thrown(() => expect({ status: 201 }).toEqual({ status: 422 }));
    const constraint = databaseError(
      'duplicate key value violates unique constraint "releases_upc_key"',
      '23505',
    );
    const bug = thrown(() => JSON.parse('{'));
    expect([classify(assertion), classify(constraint, 'setup'), classify(bug, 'teardown')]).toEqual([
      'execution',
      'setup',
      'teardown',
    ]);
    expect(infrastructureCondition.test(assertion.message)).toBe(false);
  });

  test('does not mistake a test about timeouts for a network timeout', () => {
    expect(classify(new Error('expected "session timeout" to be "expired"'))).toBe('execution');
  });
});

describe('the phase of an error', { tags: ['unit', 'reporting'] }, () => {
  test('is setup before the body, execution in it, teardown after it, attempt by attempt', () => {
    // Attempt 1: a hook error (0) before the body began; attempt 2: body error (1), teardown error (2).
    const phases = [{ start: 0 }, { start: 1, execution: 1, teardown: 2 }];
    expect([0, 1, 2].map((index) => phaseOf(index, phases))).toEqual(['setup', 'execution', 'teardown']);
  });

  test('is setup for a fixture that failed before the body began, and teardown for the cleanup after it', () => {
    // The runner leaves `execution` unset when a `test.extend` fixture failed: the body never ran.
    expect([0, 1].map((index) => phaseOf(index, [{ start: 0, teardown: 1 }]))).toEqual(['setup', 'teardown']);
  });

  test('is execution when the runner left no marks (another runner)', () => {
    expect(phaseOf(0, undefined)).toBe('execution');
  });
});
