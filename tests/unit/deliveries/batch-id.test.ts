import { fc, test } from '@fast-check/vitest';
import { batchIdAt, parseBatchId } from '@soundcheck/api/deliveries/batch-id.ts';
import { describe, expect } from 'vitest';

// Years with four digits, where the name's fixed width holds.
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('9999-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});

describe('batch ids (YYYYMMDDhhmmssnnn)', { tags: ['unit', 'delivery'] }, () => {
  test('are the UTC instant to the millisecond', () => {
    expect(batchIdAt(new Date('2025-03-07T09:05:01.042Z'))).toBe('20250307090501042');
    expect(batchIdAt(new Date('2025-12-31T23:59:59.999+01:00'))).toBe('20251231225959999');
  });

  test.prop([instant])('parse back to the same instant', (at) => {
    expect(parseBatchId(batchIdAt(at))?.getTime()).toBe(at.getTime());
  });

  test.prop([instant, instant])('sort as text in the order of time, which partners rely on', (a, b) => {
    const byText = Math.sign(batchIdAt(a).localeCompare(batchIdAt(b)));
    expect(byText).toBe(Math.sign(a.getTime() - b.getTime()));
  });

  test.each([
    '2025030709050104',
    '202503070905010420',
    '20250230090501042',
    '20251301000000000',
    '2025030709050104x',
    '',
  ])('%j is not a batch id', (text) => {
    expect(parseBatchId(text)).toBeNull();
  });
});
