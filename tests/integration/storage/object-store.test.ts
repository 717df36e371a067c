import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { localStore } from '@soundcheck/api/storage/local-store.ts';
import type { ObjectStore } from '@soundcheck/api/storage/object-store.ts';
import { s3Store } from '@soundcheck/api/storage/s3-store.ts';
import { S3Mock } from 'soundcheck/mocks/s3-mock.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const s3 = new S3Mock();
const dir = mkdtempSync(path.join(tmpdir(), 'store-test-'));
const stores: Record<string, () => ObjectStore> = {
  'local directory': () => localStore(dir),
  'S3 (mock)': () =>
    s3Store({
      bucket: 'assets',
      prefix: 'env/test',
      endpoint: s3.url,
      accessKeyId: 'k',
      secretAccessKey: 's',
    }),
};

beforeAll(() => s3.start());
afterAll(async () => {
  await s3.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sha = async (stream: Readable) => {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

describe.each(Object.keys(stores))('object store: %s', { tags: ['integration', 'assets'] }, (name) => {
  test('stores, reads back and deletes an object under a generated key', async () => {
    const store = stores[name]!();
    expect(await store.check()).toBe('ok');
    expect(
      await store.put(
        'audio/ab/1.wav',
        Readable.from([Buffer.from('hello '), Buffer.from('world')]),
        'audio/wav',
      ),
    ).toEqual({
      sizeBytes: 11,
    });
    expect(await text(await store.get('audio/ab/1.wav'))).toBe('hello world');
    await store.delete('audio/ab/1.wav');
    await expect(store.get('audio/ab/1.wav').then(text)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('streams an object larger than one multipart part intact', async () => {
    const store = stores[name]!();
    const chunk = Buffer.alloc(1024 * 1024, 3);
    const chunks = Array.from({ length: 17 }, (_, i) => Buffer.from(chunk.map((byte) => (byte + i) % 256)));
    const expected = createHash('sha256').update(Buffer.concat(chunks)).digest('hex');
    expect(await store.put('audio/big.wav', Readable.from(chunks), 'audio/wav')).toEqual({
      sizeBytes: 17 * 1024 * 1024,
    });
    expect(await sha(await store.get('audio/big.wav'))).toBe(expected);
  });

  test('a body that fails midway stores nothing', async () => {
    const store = stores[name]!();
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.put('audio/broken.wav', failing, 'audio/wav')).rejects.toThrow('client went away');
    await expect(store.get('audio/broken.wav').then(text)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('S3 object store specifics', { tags: ['integration', 'assets'] }, () => {
  test('keeps objects under the configured prefix with their content type', async () => {
    const store = stores['S3 (mock)']!();
    await store.put('artwork/x.png', Readable.from([Buffer.from('png')]), 'image/png');
    expect(s3.object('assets', 'env/test/artwork/x.png')).toMatchObject({
      contentType: 'image/png',
      body: Buffer.from('png'),
    });
  });

  test('reports an unreachable bucket in check() instead of throwing', async () => {
    const store = s3Store({
      bucket: 'b',
      prefix: '',
      endpoint: 'http://127.0.0.1:1',
      accessKeyId: 'k',
      secretAccessKey: 's',
    });
    expect(await store.check()).toMatch(/^bucket b is not reachable/);
  });
});
