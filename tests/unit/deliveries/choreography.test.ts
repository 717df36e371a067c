import { createHash } from 'node:crypto';
import {
  type PackagedRelease,
  planBatch,
  planReleaseByRelease,
  resourcesToSend,
} from '@soundcheck/api/deliveries/upload-plan.ts';
import { buildNewReleaseMessage } from '@soundcheck/api/ern/build-message.ts';
import { resourceFiles } from '@soundcheck/api/ern/resource-files.ts';
import type { ErnInput, MessageKind } from '@soundcheck/api/ern/types.ts';
import { childElements, childText, parseXml } from '@soundcheck/api/ern/xml-dom.ts';
import { describe, expect, test } from 'vitest';
import { albumInput, messageMeta, singleInput } from '../../fixtures/ddex/ern-inputs.ts';

function packaged(input: ErnInput, kind: Exclude<MessageKind, 'purge'>): PackagedRelease {
  const messageId = `MSG-${input.release.upc}-${kind}`;
  return {
    upc: input.release.upc,
    kind,
    messageId,
    xml: buildNewReleaseMessage(input, messageMeta(kind, { messageId })),
    resources: resourcesToSend(kind, resourceFiles(input)),
  };
}

const batchOptions = {
  batchId: '20250307090501042',
  manifestMessageId: 'MANIFEST-1',
  sender: { dpid: 'PADPIDA3897722461G', name: 'Us' },
  recipient: { dpid: 'PADPIDA2011072101T', name: 'Them' },
  createdAt: new Date('2025-03-07T09:05:01.042Z'),
  test: true,
};

describe('delivery choreography', { tags: ['unit', 'delivery'] }, () => {
  test('batch: per release its resources then its message, and BatchComplete last', () => {
    const plan = planBatch({
      ...batchOptions,
      releases: [packaged(singleInput, 'new'), packaged(albumInput, 'update')],
    });
    expect(plan.folder).toBe('20250307090501042');
    expect(plan.steps.map((step) => `${step.kind} ${step.path}`)).toEqual([
      'resource 20250307090501042/0012345678905/resources/0012345678905_01_001.flac',
      'resource 20250307090501042/0012345678905/resources/0012345678905.jpg',
      'message 20250307090501042/0012345678905/0012345678905.xml',
      'resource 20250307090501042/5901234123457/resources/5901234123457_01_001.flac',
      'resource 20250307090501042/5901234123457/resources/5901234123457_01_002.flac',
      'resource 20250307090501042/5901234123457/resources/5901234123457_02_001.wav',
      'resource 20250307090501042/5901234123457/resources/5901234123457.png',
      'message 20250307090501042/5901234123457/5901234123457.xml',
      'manifest 20250307090501042/BatchComplete_20250307090501042.xml',
    ]);
  });

  test('every step carries the SHA-256 the partner must receive: the asset hash, or the hash of the content', () => {
    const release = packaged(albumInput, 'new');
    const plan = planBatch({ ...batchOptions, releases: [release] });
    for (const step of plan.steps) {
      const expected =
        step.kind === 'resource'
          ? (albumInput.tracks.find((t) => t.audio.id === step.source.assetId)?.audio.sha256 ??
            albumInput.artwork.sha256)
          : createHash('sha256').update(step.content).digest('hex');
      expect(step.sha256).toBe(expected);
    }
  });

  test('the manifest lists each message with its path, release id, delivery type and hash', () => {
    const releases = [packaged(singleInput, 'new'), packaged(albumInput, 'takedown')];
    const manifest = planBatch({ ...batchOptions, releases }).steps.at(-1)!;
    if (manifest.kind !== 'manifest') throw new Error('the last step is not the manifest');
    const root = parseXml(manifest.content);
    expect([
      root.localName,
      childText(root, 'RootDirectory'),
      childText(root, 'NumberOfMessages'),
      childText(root, 'IsTestFlag'),
    ]).toEqual(['ManifestMessage', '20250307090501042', '2', 'true']);
    expect(
      childElements(root, 'MessageInBatch').map((item) => ({
        id: childText(item, 'MessageId'),
        url: childText(item, 'URL'),
        type: childText(item, 'DeliveryType'),
        hash: childText(childElements(item, 'HashSum')[0]!, 'HashSum'),
      })),
    ).toEqual(
      releases.map((release) => ({
        id: release.messageId,
        url: `${release.upc}/${release.upc}.xml`,
        type: release.kind === 'new' ? 'NewReleaseDelivery' : 'TakeDown',
        hash: createHash('sha256').update(release.xml).digest('hex'),
      })),
    );
  });

  test('the manifest names each message type: a purge is a PurgeReleaseMessage delivered as a takedown', () => {
    const purge: PackagedRelease = {
      upc: '5901234123457',
      kind: 'purge',
      messageId: 'MSG-purge',
      xml: '<ern:PurgeReleaseMessage xmlns:ern="http://ddex.net/xml/ern/43"/>',
      resources: [],
    };
    const releases = [packaged(singleInput, 'update'), purge];
    const manifest = planBatch({ ...batchOptions, releases }).steps.at(-1)!;
    if (manifest.kind !== 'manifest') throw new Error('the last step is not the manifest');
    expect(
      childElements(parseXml(manifest.content), 'MessageInBatch').map((item) => [
        childText(item, 'MessageType'),
        childText(item, 'DeliveryType'),
      ]),
    ).toEqual([
      ['NewReleaseMessage', 'ReDelivery'],
      ['PurgeReleaseMessage', 'TakeDown'],
    ]);
  });

  test('a takedown sends the message alone, no binaries', () => {
    const plan = planReleaseByRelease(packaged(albumInput, 'takedown'), new Date('2025-06-01T00:00:00.000Z'));
    expect(plan.steps.map((step) => `${step.kind} ${step.path}`)).toEqual([
      'message 5901234123457_20250601000000000/5901234123457.xml',
    ]);
  });

  test('release-by-release: a folder per release and delivery time, resources first and the message last', () => {
    const plan = planReleaseByRelease(packaged(singleInput, 'new'), new Date('2025-03-07T09:05:01.042Z'));
    expect(plan).toEqual({
      folder: '0012345678905_20250307090501042',
      steps: [
        expect.objectContaining({
          kind: 'resource',
          path: '0012345678905_20250307090501042/resources/0012345678905_01_001.flac',
        }),
        expect.objectContaining({
          kind: 'resource',
          path: '0012345678905_20250307090501042/resources/0012345678905.jpg',
        }),
        expect.objectContaining({
          kind: 'message',
          path: '0012345678905_20250307090501042/0012345678905.xml',
        }),
      ],
    });
  });

  test('the same inputs give the same plan, so a resumed worker uploads to the same paths', () => {
    const options = { ...batchOptions, releases: [packaged(albumInput, 'new')] };
    expect(planBatch(options)).toEqual(planBatch(options));
  });

  test('a batch refuses two messages for one release and an empty batch', () => {
    const release = packaged(singleInput, 'new');
    expect(() => planBatch({ ...batchOptions, releases: [release, release] })).toThrow(
      'one message per release',
    );
    expect(() => planBatch({ ...batchOptions, releases: [] })).toThrow('at least one release');
  });
});
