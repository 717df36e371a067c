import { create } from 'xmlbuilder2';
import type { ErnPartner, MessageKind } from '../ern/types.ts';

/** The DDEX ECHO (ERN choreography, SFTP) namespace of ManifestMessage and acknowledgements. */
export const ECHO_NAMESPACE = 'http://ddex.net/xml/ern-c-sftp/18';

export interface ManifestEntry {
  messageId: string;
  kind: MessageKind;
  /** Path of the message file relative to the batch folder. */
  path: string;
  upc: string;
  sha256: string;
}

const deliveryType: Record<MessageKind, string> = {
  new: 'NewReleaseDelivery',
  update: 'ReDelivery',
  takedown: 'TakeDown',
  purge: 'TakeDown',
};

/**
 * `BatchComplete_<batchId>.xml`: the ECHO ManifestMessage a recipient waits for before ingesting a batch
 * (header, IsTestFlag, RootDirectory, NumberOfMessages, one MessageInBatch per message with its hash).
 * No ECHO XSD is vendored, so this file is not schema-validated; its fields follow the ECHO field list.
 */
export function buildBatchManifest(options: {
  batchId: string;
  messageId: string;
  sender: ErnPartner;
  recipient: ErnPartner;
  createdAt: Date;
  test: boolean;
  entries: readonly ManifestEntry[];
}): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(ECHO_NAMESPACE, 'echo:ManifestMessage');
  const header = root.ele('MessageHeader');
  header.ele('MessageId').txt(options.messageId);
  header.ele('MessageSender').ele('PartyId').txt(options.sender.dpid);
  header.ele('MessageRecipient').ele('PartyId').txt(options.recipient.dpid);
  header.ele('MessageCreatedDateTime').txt(options.createdAt.toISOString());
  root.ele('IsTestFlag').txt(String(options.test));
  root.ele('RootDirectory').txt(options.batchId);
  root.ele('NumberOfMessages').txt(String(options.entries.length));
  for (const entry of options.entries) {
    const item = root.ele('MessageInBatch');
    item.ele('MessageType').txt(entry.kind === 'purge' ? 'PurgeReleaseMessage' : 'NewReleaseMessage');
    item.ele('MessageId').txt(entry.messageId);
    item.ele('URL').txt(entry.path);
    item.ele('IncludedReleaseId').ele('ICPN').txt(entry.upc);
    item.ele('DeliveryType').txt(deliveryType[entry.kind]);
    item.ele('ProductType').txt('AudioProduct');
    const hash = item.ele('HashSum');
    hash.ele('HashSum').txt(entry.sha256);
    hash.ele('HashSumAlgorithmType').txt('SHA-256');
  }
  return root.end({ prettyPrint: true });
}
