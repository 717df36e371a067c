import { invalidField } from '@soundcheck/api/identifiers/invalid-field.ts';
import { describe, expect, test } from 'vitest';

describe('an identifier that fails its own rule', { tags: ['unit', 'identifiers'] }, () => {
  test('is a 400 VALIDATION_FAILED naming the field, with an INVALID_FORMAT field error', () => {
    const error = invalidField('upc', 'must carry a valid check digit');
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'upc is not valid: must carry a valid check digit',
      errors: [{ field: 'upc', code: 'INVALID_FORMAT', message: 'upc must carry a valid check digit' }],
    });
  });
});
