import type { ReceivedFile } from 'soundcheck/mocks/sftp-mock.ts';
import { expect } from './test.ts';

const baseName = (file: ReceivedFile) => file.path.split('/').at(-1) ?? '';

/**
 * What a batch partner checks on arrival (DOMAIN.md §4), whatever the folder naming (`<batchId>` or
 * `<P|M|N>_<batchId>`, a release folder by UPC or GRid): the batch's files, resources before the message,
 * `BatchComplete_<batchId>.xml` last and once, the manifest holding the message's checksum. Returns the
 * message file.
 */
export function expectBatchChoreography(received: ReceivedFile[], batchId: string, manifestXml: string) {
  const inBatch = received.filter((file) => file.path.split('/')[0]?.endsWith(batchId));
  const names = inBatch.map(baseName);
  expect(names.at(-1)).toBe(`BatchComplete_${batchId}.xml`);
  expect(names.filter((name) => name.startsWith('BatchComplete_'))).toHaveLength(1);
  const resources = inBatch.filter((file) => file.path.includes('/resources/'));
  const messages = inBatch.filter(
    (file) => file.path.endsWith('.xml') && !file.path.includes('/resources/') && file !== inBatch.at(-1),
  );
  expect(messages).toHaveLength(1);
  const message = messages[0] as ReceivedFile;
  expect(resources.length).toBeGreaterThan(0);
  for (const resource of resources) expect(inBatch.indexOf(resource)).toBeLessThan(inBatch.indexOf(message));
  expect(manifestXml.toLowerCase()).toContain(message.sha256.toLowerCase());
  return message;
}
