import { describe, expect, test } from '../../utils/test.ts';
import { describeFindings, FUZZ_TEST_TIMEOUT_MS, fuzzOperations } from './fuzz-api.ts';

const catalog = (path: string): boolean => /^\/v1\/(labels|users|artists|releases)/.test(path);

describe('schema-driven fuzzing: labels, users, artists, releases, tracks', {
  tags: ['security', 'catalog'],
}, () => {
  test('every operation, examples to stateful phases: no server error, every answer as the spec says', {
    timeout: FUZZ_TEST_TIMEOUT_MS,
  }, async ({ api, admin }) => {
    const report = await fuzzOperations(api, admin, 'catalog', catalog);
    expect(report.serverErrors).toBe(0);
    expect(describeFindings(report.findings)).toBe('');
    expect(report.operations.covered.length).toBeGreaterThan(20);
    expect(report.operations.skipped.filter((s) => !s.reason.startsWith('not selected'))).toEqual([
      {
        operation: 'PUT /v1/releases/{id}/artwork',
        reason: expect.stringContaining('bodies are not generated'),
      },
      {
        operation: 'PUT /v1/releases/{id}/tracks/{trackId}/audio',
        reason: expect.stringContaining('bodies are not generated'),
      },
    ]);
  });
});
