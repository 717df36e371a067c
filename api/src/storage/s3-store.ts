import { Readable, Transform } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { ObjectStore } from './object-store.ts';

export interface S3Location {
  bucket: string;
  /** Prepended to every key, without leading or trailing slash (may be empty). */
  prefix: string;
  endpoint: string | null;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  region?: string;
}

/** Parses `s3://bucket/prefix`. */
export function parseS3Url(url: string): Pick<S3Location, 'bucket' | 'prefix'> {
  const parsed = new URL(url);
  return { bucket: parsed.hostname, prefix: parsed.pathname.replace(/^\/+|\/+$/g, '') };
}

/** Multipart parts of 8 MiB, two in flight: memory stays flat however large the object. */
const PART_SIZE = 8 * 1024 * 1024;

function byteCounter(): { stream: Transform; bytes: () => number } {
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  return { stream, bytes: () => bytes };
}

/** Objects in an S3-compatible bucket (path-style, so MinIO, Ceph and the test mock work alike). */
export function s3Store(location: S3Location): ObjectStore {
  const client = new S3Client({
    region: location.region ?? 'us-east-1',
    forcePathStyle: true,
    ...(location.endpoint ? { endpoint: location.endpoint } : {}),
    ...(location.accessKeyId && location.secretAccessKey
      ? { credentials: { accessKeyId: location.accessKeyId, secretAccessKey: location.secretAccessKey } }
      : {}),
    // Checksums only where S3 requires them: S3-compatible stores differ in their support for the rest.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = location.bucket;
  const keyOf = (key: string) => (location.prefix ? `${location.prefix}/${key}` : key);
  return {
    kind: 's3',
    async put(key, body, contentType) {
      const counted = byteCounter();
      body.on('error', (error) => counted.stream.destroy(error));
      const upload = new Upload({
        client,
        params: { Bucket, Key: keyOf(key), Body: body.pipe(counted.stream), ContentType: contentType },
        partSize: PART_SIZE,
        queueSize: 2,
      });
      await upload.done();
      return { sizeBytes: counted.bytes() };
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }));
        if (!(object.Body instanceof Readable)) throw new Error('S3 returned no body stream');
        return object.Body;
      } catch (error) {
        if (error instanceof NoSuchKey)
          throw Object.assign(new Error(`no object ${key}`), { code: 'ENOENT' });
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }));
    },
    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
        return 'ok';
      } catch (error) {
        return `bucket ${Bucket} is not reachable (${(error as Error).name})`;
      }
    },
  };
}
