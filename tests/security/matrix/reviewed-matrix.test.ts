import { describe, expect, test } from 'vitest';
import { derivedMatrixText, reviewedMatrixFile } from './reviewed-matrix.ts';

describe('the reviewed authorization matrix', { tags: ['security', 'tenancy'] }, () => {
  test('authorization-matrix.md is what the policy table gives (a policy change is a reviewed diff)', async () => {
    await expect(derivedMatrixText()).toMatchFileSnapshot(reviewedMatrixFile.pathname);
  });
});
