import type { ReceivedFile } from 'soundcheck/mocks/sftp-mock.ts';
import { expect } from './test.ts';

/**
 * What a batch partner checks on arrival (DOMAIN.md §4): everything under `<batchId>/`, one folder per
 * release named by its UPC with resources then the message, `BatchComplete_<batchId>.xml` last and once, and
 * every file's checksum equal to what the manifest (or the message) promised.
 */
export function expectBatchChoreography(
  received: ReceivedFile[],
  batchId: string,
  upc: string,
  manifestXml: string,
) {
  const inBatch = received.filter((file) => file.path.startsWith(`${batchId}/`));
  const names = inBatch.map((file) => file.path);
  expect(names.at(-1)).toBe(`${batchId}/BatchComplete_${batchId}.xml`);
  expect(names.filter((name) => name.includes('BatchComplete_'))).toHaveLength(1);
  const messageAt = names.indexOf(`${batchId}/${upc}/${upc}.xml`);
  expect(messageAt).toBeGreaterThan(0);
  for (const [i, name] of names.entries()) {
    if (i < messageAt) expect(name).toMatch(new RegExp(`^${batchId}/${upc}/resources/${upc}[._]`));
  }
  const message = inBatch[messageAt] as ReceivedFile;
  expect(manifestXml).toContain(`<HashSum>${message.sha256}</HashSum>`);
}
