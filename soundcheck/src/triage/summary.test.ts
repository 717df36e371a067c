import { describe, expect, test } from 'vitest';
import type { TestRecord } from '../reporter/test-record.ts';
import { clusterSummary } from './summary.ts';

const failing = (id: string, message: string, route: string): TestRecord => ({
  id,
  file: 'f.test.ts',
  titlePath: [id],
  project: 'e2e',
  tags: [],
  status: 'failed',
  durationMs: 1,
  retries: 0,
  errors: [{ category: 'execution', message, attempt: 0 }],
  attachments: [],
  apiCalls: [{ method: 'POST', route, status: 401, durationMs: 1 }],
});

describe('the CLI failure summary', { tags: ['unit', 'reporting'] }, () => {
  test('one line per cluster, largest first, with the areas the tests stopped in; the rest counted', () => {
    const tests = [
      ...Array.from({ length: 3 }, (_, i) =>
        failing(`l${i}`, `login as u${i}@x.test: expected 200, got 401`, '/v1/auth/login'),
      ),
      failing('r', 'expected 409, got 200', '/v1/releases/:id/approve'),
      failing('d', 'timed out waiting for delivered', '/v1/deliveries/:id'),
    ];
    expect(clusterSummary(tests, 2)).toEqual([
      'failures in 3 clusters, largest first:',
      '  ✗ 3 tests — login as u0@x.test: expected 200, got 401 [auth]',
      '  ✗ 1 test — expected 409, got 200 [releases]',
      '  … and 1 more (see the report)',
    ]);
  });

  test('under a cluster, the deliveries its tests drove and the stage each stopped at', () => {
    const stalled = {
      ...failing('s', 'expected acknowledged, got uploading', '/v1/deliveries/:id'),
      deliveries: [{ partner: 'Acme Music', transport: 'sftp', stage: 'uploading' }],
    };
    expect(clusterSummary([stalled])).toEqual([
      'failures in 1 cluster, largest first:',
      '  ✗ 1 test — expected acknowledged, got uploading [deliveries]',
      '      delivery: Acme Music · sftp · stopped at uploading',
    ]);
  });

  test('nothing failed, nothing printed', () => {
    expect(clusterSummary([])).toEqual([]);
  });
});
