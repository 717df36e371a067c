import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { S3Mock } from 'soundcheck/mocks/s3-mock.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';

const mock = new S3Mock();
let client: S3Client;

beforeAll(async () => {
  await mock.start();
  client = new S3Client({
    endpoint: mock.url,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});
afterAll(async () => {
  client.destroy();
  await mock.stop();
});
beforeEach(() => mock.reset());

describe('the S3 mock, driven by the AWS SDK', { tags: ['integration', 'harness', 'assets'] }, () => {
  test('put, head, get, list and delete an object', async () => {
    await client.send(
      new PutObjectCommand({ Bucket: 'media', Key: 'a/one.txt', Body: 'hello', ContentType: 'text/plain' }),
    );
    const head = await client.send(new HeadObjectCommand({ Bucket: 'media', Key: 'a/one.txt' }));
    expect({ length: head.ContentLength, type: head.ContentType }).toEqual({ length: 5, type: 'text/plain' });
    const got = await client.send(new GetObjectCommand({ Bucket: 'media', Key: 'a/one.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello');
    const list = await client.send(new ListObjectsV2Command({ Bucket: 'media', Prefix: 'a/' }));
    expect(list.Contents?.map((item) => ({ key: item.Key, size: item.Size }))).toEqual([
      { key: 'a/one.txt', size: 5 },
    ]);
    await client.send(new DeleteObjectCommand({ Bucket: 'media', Key: 'a/one.txt' }));
    await expect(
      client.send(new GetObjectCommand({ Bucket: 'media', Key: 'a/one.txt' })),
    ).rejects.toMatchObject({
      name: 'NoSuchKey',
    });
  });

  test('a streamed upload of unknown length goes multipart and reassembles in order', async () => {
    const part = 5 * 1024 * 1024;
    const bytes = Buffer.alloc(part * 2 + 1234);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) % 251;
    const upload = new Upload({
      client,
      params: { Bucket: 'media', Key: 'big.wav', Body: Readable.from([bytes]), ContentType: 'audio/wav' },
      partSize: part,
    });
    await upload.done();
    const stored = mock.object('media', 'big.wav');
    expect(stored?.contentType).toBe('audio/wav');
    expect(stored?.body.equals(bytes)).toBe(true);
    expect(mock.received.filter((request) => request.query.has('partNumber'))).toHaveLength(3);
  });

  test('an error scenario surfaces as an SDK error', async () => {
    mock.scenario('/media', { status: 500, body: '<Error><Code>InternalError</Code></Error>' });
    const client2 = new S3Client({
      endpoint: mock.url,
      region: 'us-east-1',
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await expect(
      client2.send(new PutObjectCommand({ Bucket: 'media', Key: 'x', Body: 'x' })),
    ).rejects.toMatchObject({
      $metadata: { httpStatusCode: 500 },
    });
    client2.destroy();
  });
});
