import { Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { guardedLookup, type OutboundPolicy } from '../security/outbound-guard.ts';
import { joinPath, type Transport, TransportError } from './transport.ts';

export interface S3Settings {
  endpoint: string | null;
  bucket: string;
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  timeoutMs: number;
}

const wrap = (what: string, error: unknown) =>
  new TransportError(
    `S3 ${what}: ${(error as Error).name === 'Error' ? '' : `${(error as Error).name} `}${(error as Error).message}`.trim(),
  );

const notFound = (error: unknown) => {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 404 || (error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey';
};

/**
 * A partner's S3 bucket (or an S3-compatible endpoint). Every connection resolves through the outbound
 * guard, so an endpoint that turns private after it was saved is refused when it is used.
 */
export function openS3Transport(settings: S3Settings, policy: OutboundPolicy): Transport {
  const lookup = guardedLookup(policy) as unknown as NonNullable<
    ConstructorParameters<typeof Agent>[0]
  >['lookup'];
  const client = new S3Client({
    region: 'us-east-1',
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    maxAttempts: 1,
    requestHandler: {
      httpAgent: new Agent({ lookup, keepAlive: true }),
      httpsAgent: new HttpsAgent({ lookup, keepAlive: true }),
      connectionTimeout: settings.timeoutMs,
      requestTimeout: settings.timeoutMs,
    },
  });
  const key = (path: string) => joinPath(settings.prefix, path).replace(/^\//, '');
  return {
    async size(path) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: settings.bucket, Key: key(path) }));
        return head.ContentLength ?? 0;
      } catch (error) {
        if (notFound(error)) return null;
        throw wrap(`head ${path}`, error);
      }
    },
    async read(path) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key(path) }));
        return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
      } catch (error) {
        throw wrap(`get ${path}`, error);
      }
    },
    async put(path, body: Buffer | Readable, sizeBytes) {
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: settings.bucket,
            Key: key(path),
            Body: body,
            ContentLength: sizeBytes,
          }),
        );
      } catch (error) {
        throw wrap(`put ${path}`, error);
      }
    },
    async list(folder) {
      const prefix = `${key(folder)}/`.replace(/^\//, '');
      try {
        const names: string[] = [];
        let token: string | undefined;
        do {
          const page = await client.send(
            new ListObjectsV2Command({
              Bucket: settings.bucket,
              Prefix: prefix,
              Delimiter: '/',
              ContinuationToken: token,
            }),
          );
          // Files directly in the folder only: a store that ignores the delimiter (some S3-compatible
          // servers, the test mock) still must not hand back keys of sub-folders.
          for (const object of page.Contents ?? []) {
            const name = object.Key?.slice(prefix.length);
            if (name && !name.includes('/')) names.push(name);
          }
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return names;
      } catch (error) {
        throw wrap(`list ${folder}`, error);
      }
    },
    async close() {
      client.destroy();
    },
  };
}
