import { qcRules } from '@soundcheck/api/qc/rules/index.ts';
import type { QcRule } from '@soundcheck/api/qc/types.ts';
import { validateRelease } from '@soundcheck/api/qc/validate.ts';
import { describe, expect, test } from 'vitest';
import rulesFile from '../../fixtures/qc/qc_rules.json' with { type: 'json' };
import { context, qcRelease } from './qc-release.ts';

describe('QC validation', { tags: ['unit', 'qc'] }, () => {
  test('a correct release has no findings and is valid', () => {
    expect(validateRelease(qcRelease(), context)).toEqual({ valid: true, findings: [] });
  });

  test('warnings alone leave the release valid; one blocking finding makes it invalid', () => {
    const warnOnly: QcRule = {
      id: 'W',
      check: () => [{ rule: 'W', severity: 'warn', field: 'title', message: 'w' }],
    };
    const block: QcRule = {
      id: 'B',
      check: () => [{ rule: 'B', severity: 'block', field: 'upc', message: 'b' }],
    };
    expect(validateRelease(qcRelease(), context, [warnOnly]).valid).toBe(true);
    expect(validateRelease(qcRelease(), context, [warnOnly, block])).toEqual({
      valid: false,
      findings: [
        { rule: 'W', severity: 'warn', field: 'title', message: 'w' },
        { rule: 'B', severity: 'block', field: 'upc', message: 'b' },
      ],
    });
  });

  test('covers every machine-checkable metadata and completeness rule of qc_rules.json, with its severity', () => {
    // Asset rules (A*, C*) belong to the assets module; the completeness rules R1–R4 are all here.
    const expected = [...rulesFile.metadata, ...rulesFile.completeness];
    const metadataRules = qcRules.filter((rule) => !/^[AC]\d/.test(rule.id)); // asset rules: tests/unit/assets
    expect(metadataRules.map((rule) => rule.id)).toEqual(expected.map((rule) => rule.id));
  });
});
