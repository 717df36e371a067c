import { fc, test } from '@fast-check/vitest';
import { requestHash } from '@soundcheck/api/deliveries/idempotency.ts';
import { describe, expect } from 'vitest';

describe('the request fingerprint behind Idempotency-Key', { tags: ['unit', 'delivery'] }, () => {
  const path = '/v1/releases/0195f0e4-0000-7000-8000-000000000001/deliveries';

  test('the same request gives the same hash; another body, path or method another', () => {
    const body = { partnerIds: ['a', 'b'], kind: 'new' };
    const hash = requestHash('POST', path, body);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(requestHash('POST', path, { partnerIds: ['a', 'b'], kind: 'new' })).toBe(hash);
    expect(requestHash('POST', path, { partnerIds: ['b', 'a'], kind: 'new' })).not.toBe(hash);
    expect(requestHash('POST', path, { partnerIds: ['a', 'b'] })).not.toBe(hash);
    expect(requestHash('POST', `${path}x`, body)).not.toBe(hash);
    expect(requestHash('PUT', path, body)).not.toBe(hash);
  });

  // A client that serialises the same JSON object with its keys in another order sends the same request.
  test.prop([fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue(), { minKeys: 2 })])(
    'the order of object keys does not matter, at any depth',
    (body) => {
      const reversed = Object.fromEntries(Object.entries(body).reverse());
      const nested = { outer: body, list: [body] };
      const nestedReversed = { list: [reversed], outer: reversed };
      expect(requestHash('POST', path, reversed)).toBe(requestHash('POST', path, body));
      expect(requestHash('POST', path, nestedReversed)).toBe(requestHash('POST', path, nested));
    },
  );
});
