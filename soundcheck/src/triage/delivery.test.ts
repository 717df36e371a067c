import { describe, expect, test } from 'vitest';
import { clusterDeliveryStops, deliveryStopsOf } from './delivery.ts';

describe('delivery stops', { tags: ['unit', 'reporting'] }, () => {
  test('each delivery with its partner’s name and transport and its last state; an unseen partner by id', () => {
    expect(
      deliveryStopsOf({
        deliveries: { d1: { partnerId: 'p1', state: 'uploading' }, d2: { partnerId: 'p9', state: 'failed' } },
        partners: { p1: { name: 'Acme Music', transport: 'sftp' } },
      }),
    ).toEqual([
      { partner: 'Acme Music', transport: 'sftp', stage: 'uploading' },
      { partner: 'p9', transport: 'unknown', stage: 'failed' },
    ]);
    expect(deliveryStopsOf(undefined)).toEqual([]);
  });

  test('a cluster lists each distinct stop once, in the order first seen', () => {
    const stalled = { partner: 'Acme Music', transport: 'sftp', stage: 'uploading' };
    const rejected = { partner: 'Beat Shop', transport: 's3', stage: 'rejected' };
    expect(
      clusterDeliveryStops([{ deliveries: [stalled] }, {}, { deliveries: [rejected, stalled] }]),
    ).toEqual(['Acme Music · sftp · stopped at uploading', 'Beat Shop · s3 · stopped at rejected']);
  });
});
