import { describe, expect, test } from 'vitest';
import { type DeliveryLog, recordDeliveryFacts } from './delivery-log.ts';

const partner = (id: string, name: string, kind: string) => ({
  id,
  name,
  dpid: 'PADPIDA0000000001X',
  transport: { kind },
});
const delivery = (id: string, partnerId: string, state: string) => ({
  id,
  releaseId: 'r',
  partnerId,
  kind: 'new',
  state,
});

describe('the delivery log read from API responses', { tags: ['unit', 'reporting'] }, () => {
  test('notes partners and deliveries from single bodies and lists; a later state replaces an earlier one', () => {
    const meta: { deliveryLog?: DeliveryLog } = {};
    recordDeliveryFacts(meta, partner('p1', 'Acme Music', 'sftp'));
    recordDeliveryFacts(meta, { items: [delivery('d1', 'p1', 'queued'), delivery('d2', 'p2', 'queued')] });
    recordDeliveryFacts(meta, delivery('d1', 'p1', 'uploading'));
    recordDeliveryFacts(meta, { items: [partner('p2', 'Beat Shop', 's3')] });
    expect(meta.deliveryLog).toEqual({
      deliveries: { d1: { partnerId: 'p1', state: 'uploading' }, d2: { partnerId: 'p2', state: 'queued' } },
      partners: { p1: { name: 'Acme Music', transport: 'sftp' }, p2: { name: 'Beat Shop', transport: 's3' } },
    });
  });

  test('leaves the meta alone for bodies that hold neither (a release, an error, text)', () => {
    const meta: { deliveryLog?: DeliveryLog } = {};
    recordDeliveryFacts(meta, { id: 'r1', state: 'approved', title: 'x' });
    recordDeliveryFacts(meta, { code: 'NOT_FOUND', message: 'no such delivery' });
    recordDeliveryFacts(meta, 'plain text');
    recordDeliveryFacts(meta, { items: [{ id: 'r2', state: 'draft' }] });
    expect(meta).toEqual({});
  });
});
