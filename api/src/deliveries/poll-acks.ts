import { eq } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { openPartnerTransport } from '../partners/open-transport.ts';
import type { PartnerRow } from '../partners/tables.ts';
import { parseAckFileName } from './ack/ack-file-name.ts';
import { AckParseError } from './ack/acknowledgement.ts';
import { parseAckXml } from './ack/parse-ack-xml.ts';
import { acknowledgeDelivery } from './acknowledge.ts';
import type { DeliveryRow } from './tables.ts';
import { deliveries } from './tables.ts';
import { noteDelivery } from './transition.ts';

export const ACK_FOLDER = 'acknowledgements';

/**
 * Reads the partner's `acknowledgements/` folder for the deliveries waiting on it. Names that
 * `parseAckFileName` rejects are someone else's files and ignored; a file that names a waiting delivery but
 * cannot be read is recorded on that delivery (its ACK timeout then fails it with that reason).
 */
export async function pollAcknowledgements(
  deps: Deps,
  partner: PartnerRow,
  waiting: DeliveryRow[],
): Promise<number> {
  const transport = await openPartnerTransport(deps.config, partner);
  let applied = 0;
  try {
    for (const name of await transport.list(ACK_FOLDER)) {
      const parsed = parseAckFileName(name);
      if (!parsed) continue;
      const delivery = waiting.find((row) =>
        parsed.profile === 'batch' ? row.batchId === parsed.batchId : row.messageId === parsed.messageId,
      );
      if (delivery?.state !== 'uploaded') continue;
      const content = (await transport.read(`${ACK_FOLDER}/${name}`)).toString('utf8');
      try {
        const ack = parseAckXml(content);
        if ((await acknowledgeDelivery(deps, delivery, ack, `ACK file ${name}`)) === 'applied') applied += 1;
      } catch (error) {
        if (!(error instanceof AckParseError)) throw error;
        const reason = `unreadable acknowledgement ${name}: ${error.message}`;
        if (delivery.lastError !== reason) {
          await noteDelivery(deps.db.orm, delivery, deps.clock.now(), reason);
          await deps.db.orm
            .update(deliveries)
            .set({ lastError: reason })
            .where(eq(deliveries.id, delivery.id));
        }
      }
    }
  } finally {
    await transport.close();
  }
  return applied;
}
