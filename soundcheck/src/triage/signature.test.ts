import { describe, expect, test } from 'vitest';
import type { TestRecord } from '../reporter/test-record.ts';
import { clusterFailures, describeCluster, normaliseMessage, topOwnFrame } from './signature.ts';

const failed = (title: string, message: string, stack?: string): TestRecord => ({
  id: title,
  file: 'tests/x.test.ts',
  titlePath: [title],
  project: 'integration',
  tags: [],
  status: 'failed',
  durationMs: 1,
  retries: 0,
  errors: [{ category: 'execution', message, ...(stack ? { stack } : {}), attempt: 0 }],
  attachments: [],
  apiCalls: [],
});

describe('failure signatures', { tags: ['unit', 'reporting'] }, () => {
  test('masks ids, numbers, UUIDs, ports, e-mails and timestamps; keeps HTTP statuses', () => {
    expect(
      normaliseMessage(
        'login as artist-1712@example.test failed at 2026-12-03T10:01:02.345Z on 127.0.0.1:39211 for 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b after 12.5 ms: expected 200, got 401',
      ),
    ).toBe('login as <email> failed at <time> on <host:port> for <uuid> after <n> ms: expected 200, got 401');
  });

  test('only the first line counts (diffs and details below it vary)', () => {
    expect(normaliseMessage('\n  expected 200 to be 201\n- Expected\n+ Received')).toBe(
      'expected 200 to be 201',
    );
  });

  test('the top frame is the innermost one in our own code, relative to the root, without line numbers', () => {
    const stack = [
      'AssertionError: expected 200 to be 201',
      '    at Proxy.<anonymous> (/repo/node_modules/@vitest/expect/dist/index.js:1:2)',
      '    at signedIn (/repo/tests/factories/signed-in.ts:31:9)',
      '    at /repo/tests/e2e/release.test.ts:12:3',
    ].join('\n');
    expect(topOwnFrame(stack, '/repo')).toBe('tests/factories/signed-in.ts');
    expect(topOwnFrame('Error: x\n    at node:internal/process:1:1', '/repo')).toBeNull();
  });

  test('83 failures of one broken login make one cluster; a different failure makes its own, and the larger comes first', () => {
    const stack = (n: number) => `Error\n    at signedIn (/repo/tests/factories/signed-in.ts:${n}:9)`;
    const login = Array.from({ length: 83 }, (_, i) =>
      failed(`t${i}`, `login as user-${i}@example.test: expected 200, got 401`, stack(31 + (i % 2))),
    );
    const other = [failed('odd', 'expected 404, got 500'), failed('odd2', 'expected 404, got 500')];
    const passed = { ...failed('fine', 'x'), status: 'passed' as const };
    const clusters = clusterFailures([...other, ...login, passed], '/repo');
    expect(clusters.map((c) => c.tests.length)).toEqual([83, 2]);
    expect(describeCluster(clusters[0]!)).toBe(
      '83 tests — login as user-0@example.test: expected 200, got 401',
    );
    expect(clusters[0]!.signature).toBe(
      'login as <email>: expected 200, got 401 @ tests/factories/signed-in.ts',
    );
  });

  test('the same message from different places in our code is two clusters', () => {
    const a = failed('a', 'boom', 'Error\n    at /repo/api/src/a.ts:1:1');
    const b = failed('b', 'boom', 'Error\n    at /repo/api/src/b.ts:1:1');
    expect(clusterFailures([a, b], '/repo')).toHaveLength(2);
  });
});
