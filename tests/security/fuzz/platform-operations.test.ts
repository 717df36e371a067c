import { describe, expect, test } from '../../utils/test.ts';
import { describeFindings, FUZZ_TEST_TIMEOUT_MS, fuzzOperations } from './fuzz-api.ts';

const platform = (path: string): boolean => !/^\/v1\/(labels|users|artists|releases)/.test(path);

describe('schema-driven fuzzing: auth, partners, deliveries, assets, lookups, ops', {
  tags: ['security', 'delivery'],
}, () => {
  test('every operation, examples to stateful phases: no server error, every answer as the spec says', {
    timeout: FUZZ_TEST_TIMEOUT_MS,
  }, async ({ api, admin }) => {
    const report = await fuzzOperations(api, admin, 'platform', platform);
    expect(report.serverErrors).toBe(0);
    expect(describeFindings(report.findings)).toBe('');
    expect(report.operations.covered.length).toBeGreaterThan(15);
  });
});
