import { buildBatchManifest } from '@soundcheck/api/deliveries/manifest.ts';
import { describe, expect, test } from 'vitest';

// The whole BatchComplete file, as a partner's ingestion reads it: the ECHO field names (header parties,
// creation time, release id, product type, hash algorithm) are what a partner looks for, and a field
// written under another name, or a document without its UTF-8 declaration, is a manifest it cannot use.
describe('the batch manifest (BatchComplete_<batchId>.xml)', { tags: ['unit', 'delivery'] }, () => {
  test('is the ECHO ManifestMessage in full: header, flags, and one MessageInBatch per message', () => {
    const manifest = buildBatchManifest({
      batchId: '20250307090501042',
      messageId: 'MANIFEST-1',
      sender: { dpid: 'PADPIDA3897722461G', name: 'Us' },
      recipient: { dpid: 'PADPIDA2011072101T', name: 'Them' },
      createdAt: new Date('2025-03-07T09:05:01.042Z'),
      test: false,
      entries: [
        {
          messageId: 'MSG-1',
          kind: 'new',
          path: '0012345678905/0012345678905.xml',
          upc: '0012345678905',
          sha256: 'a'.repeat(64),
        },
      ],
    });
    expect(manifest).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<echo:ManifestMessage xmlns:echo="http://ddex.net/xml/ern-c-sftp/18">
  <MessageHeader>
    <MessageId>MANIFEST-1</MessageId>
    <MessageSender>
      <PartyId>PADPIDA3897722461G</PartyId>
    </MessageSender>
    <MessageRecipient>
      <PartyId>PADPIDA2011072101T</PartyId>
    </MessageRecipient>
    <MessageCreatedDateTime>2025-03-07T09:05:01.042Z</MessageCreatedDateTime>
  </MessageHeader>
  <IsTestFlag>false</IsTestFlag>
  <RootDirectory>20250307090501042</RootDirectory>
  <NumberOfMessages>1</NumberOfMessages>
  <MessageInBatch>
    <MessageType>NewReleaseMessage</MessageType>
    <MessageId>MSG-1</MessageId>
    <URL>0012345678905/0012345678905.xml</URL>
    <IncludedReleaseId>
      <ICPN>0012345678905</ICPN>
    </IncludedReleaseId>
    <DeliveryType>NewReleaseDelivery</DeliveryType>
    <ProductType>AudioProduct</ProductType>
    <HashSum>
      <HashSum>${'a'.repeat(64)}</HashSum>
      <HashSumAlgorithmType>SHA-256</HashSumAlgorithmType>
    </HashSum>
  </MessageInBatch>
</echo:ManifestMessage>`);
  });
});
