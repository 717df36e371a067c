import { describe, expect, test } from 'vitest';
import { tierCrossingImports } from '../../architecture/tier-imports.ts';

const planted: Record<string, string> = {
  'tests/e2e/a.test.ts': "import { createPartner } from '../integration/partners/partner-factory.ts';",
  'tests/utils/b.ts': "import type { X } from '../security/auth/x.ts';",
  'tests/integration/c.test.ts': "import { put } from '../../utils/uploads.ts';\nimport { y } from './y.ts';",
};

describe('test tiers import from no other tier', { tags: ['unit', 'harness'] }, () => {
  test('no file of tests/ imports from a tier folder other than its own', () => {
    expect(tierCrossingImports()).toEqual([]);
  });

  test('the check finds a tier, or shared support, importing a tier folder', () => {
    expect(tierCrossingImports(Object.keys(planted), (file) => planted[file] ?? '')).toEqual([
      'tests/e2e/a.test.ts imports tests/integration/partners/partner-factory.ts from the integration tier',
      'tests/utils/b.ts imports tests/security/auth/x.ts from the security tier',
    ]);
  });
});
