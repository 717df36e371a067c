import type { DeliveryLog } from '../client/delivery-log.ts';
import type { DeliveryStop, TestRecord } from '../reporter/test-record.ts';

/** One stop per delivery the test saw, in the order first seen. */
export function deliveryStopsOf(log: DeliveryLog | undefined): DeliveryStop[] {
  if (!log) return [];
  return Object.values(log.deliveries).map(({ partnerId, state }) => {
    const partner = log.partners[partnerId];
    return { partner: partner?.name ?? partnerId, transport: partner?.transport ?? 'unknown', stage: state };
  });
}

/** `Acme Music · sftp · stopped at uploading` */
export const describeDeliveryStop = ({ partner, transport, stage }: DeliveryStop) =>
  `${partner} · ${transport} · stopped at ${stage}`;

/** The distinct delivery stops of a cluster's tests, described, in the order first seen. */
export function clusterDeliveryStops(tests: readonly Pick<TestRecord, 'deliveries'>[]): string[] {
  return [...new Set(tests.flatMap((test) => (test.deliveries ?? []).map(describeDeliveryStop)))];
}
