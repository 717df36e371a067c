import fc from 'fast-check';
import { readDocument } from 'soundcheck/fuzz/spec.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { payloadSeed } from './payloads.ts';

/** Bytes no JSON parser should take: broken UTF-8, UTF-16 with its BOM, gzip's magic, NULs, a PNG header. */
const fixedBytes: Array<[string, Buffer]> = [
  ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0xfd, 0x7b, 0x22, 0xc3, 0x28, 0x7d])],
  ['UTF-16LE JSON with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', 'utf16le')])],
  ['gzip magic', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03])],
  ['NUL bytes', Buffer.alloc(64)],
  ['a PNG header', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
];
const randomBytes = fc
  .sample(fc.uint8Array({ minLength: 1, maxLength: 2048 }), { seed: payloadSeed, numRuns: 3 })
  .map((bytes, i): [string, Buffer] => [`random bytes #${i + 1}`, Buffer.from(bytes)]);
const contentTypes = ['application/json', 'application/octet-stream'];

// Every request of the file is sent as the admin within a second or two: the target's own limit black-box.
const binaryTest = test.override({ appEnvironment: { RATE_LIMIT_PER_MINUTE: '100000' } });

describe('binary bodies: random and non-JSON bytes to every operation that takes a JSON body', {
  tags: ['security', 'catalog'],
}, () => {
  // One test per payload (about 80 requests each), so each stays within the timeout black-box on a busy machine.
  binaryTest.for([...fixedBytes, ...randomBytes])(
    `%s to each: a 4xx problem with a documented code, never a 5xx (seed ${payloadSeed})`,
    async ([what, payload], { api, admin }) => {
      const { operations } = readDocument('/openapi.json', (await api.get('/openapi.json')).body);
      // Uploads take bytes by design. An operation that takes no body (logout, submit) may ignore one: API.md
      // does not say, so only the operations whose spec takes a JSON body are sent bytes.
      const writes = operations.filter(
        (op) => ['POST', 'PUT', 'PATCH'].includes(op.method) && op.body?.mediaType === 'application/json',
      );
      expect(writes.map((op) => op.id)).toContain('POST /v1/releases');
      const wrong: string[] = [];
      for (const op of writes) {
        // Ids that name nothing: a body refused before the lookup and a 404 after it are both bad input's 4xx.
        const path = op.path.replace(/\{\w+\}/g, '01a23d8d-8a4c-7791-8dc9-637b59251903');
        for (const type of contentTypes) {
          const response = await api
            .as(admin)
            .request({ method: op.method, path, headers: { 'content-type': type }, payload });
          const label = `${op.id}, ${what} as ${type}: ${response.status} ${response.text.slice(0, 120)}`;
          if (response.status < 400 || response.status >= 500) wrong.push(label);
          else await expectRefusal(api, response, { status: response.status });
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});
