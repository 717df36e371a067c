import type { ErnPartner, MessageMeta } from '../types.ts';
import { branch, leaf, type XmlNode } from './xml.ts';

function messagingParty(node: XmlNode, party: ErnPartner) {
  leaf(node, 'PartyId', party.dpid);
  branch(node, 'PartyName', (name) => leaf(name, 'FullName', party.name));
}

/** MessageHeader: thread and message ids, sender and recipient DPIDs, creation time. */
export function appendHeader(root: XmlNode, meta: MessageMeta, withThread = true): void {
  branch(root, 'MessageHeader', (header) => {
    if (withThread) leaf(header, 'MessageThreadId', meta.messageThreadId);
    leaf(header, 'MessageId', meta.messageId);
    branch(header, 'MessageSender', (node) => messagingParty(node, meta.sender));
    branch(header, 'MessageRecipient', (node) => messagingParty(node, meta.recipient));
    leaf(header, 'MessageCreatedDateTime', meta.createdAt.toISOString());
    leaf(header, 'MessageControlType', meta.test ? 'TestMessage' : 'LiveMessage');
  });
}
