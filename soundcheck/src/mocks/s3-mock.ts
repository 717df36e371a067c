import { createHash, randomUUID } from 'node:crypto';
import { decodeAwsChunked } from './aws-chunked.ts';
import { HttpMock, type MockReply, type ReceivedRequest } from './http-mock.ts';

export interface StoredObject {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

const XML = { 'content-type': 'application/xml' };

function error(status: number, code: string, message: string): MockReply {
  return {
    status,
    headers: XML,
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  };
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const etagOf = (body: Buffer) => `"${createHash('md5').update(body).digest('hex')}"`;

function payloadOf(request: ReceivedRequest): Buffer {
  const encoding = request.headers['content-encoding'] ?? '';
  const sha = request.headers['x-amz-content-sha256'] ?? '';
  return encoding.includes('aws-chunked') || sha.startsWith('STREAMING-')
    ? decodeAwsChunked(request.body)
    : request.body;
}

/**
 * An S3-compatible object store, path-style (`/bucket/key`), in memory: Put/Get/Head/Delete object,
 * ListObjectsV2, and multipart uploads. Buckets exist on first use. SigV4 signatures are accepted without
 * being verified (the access key id is recorded in each request's `authorization` header).
 */
export class S3Mock extends HttpMock {
  readonly objects = new Map<string, StoredObject>();
  readonly #uploads = new Map<string, { key: string; contentType: string; parts: Map<number, Buffer> }>();

  constructor(name = 's3') {
    super(name);
    this.on('*', /^\/([^/]+)\/?(.*)$/, (request) => this.#dispatch(request));
  }

  /** The object at `bucket/key`, if any. */
  object(bucket: string, key: string): StoredObject | undefined {
    return this.objects.get(`${bucket}/${key}`);
  }

  override reset(): void {
    super.reset();
    this.objects.clear();
    this.#uploads.clear();
  }

  #dispatch(request: ReceivedRequest): MockReply {
    const [, bucket = '', key = ''] = /^\/([^/]+)\/?(.*)$/.exec(request.path) ?? [];
    const { query } = request;
    if (!key) {
      if (request.method === 'GET') return this.#list(bucket, query);
      return { status: 200 }; // CreateBucket / HeadBucket
    }
    const id = `${bucket}/${key}`;
    switch (request.method) {
      case 'PUT':
        return query.has('uploadId') ? this.#uploadPart(request) : this.#put(id, request);
      case 'GET':
      case 'HEAD':
        return this.#get(id);
      case 'DELETE':
        if (query.has('uploadId')) this.#uploads.delete(query.get('uploadId') ?? '');
        else this.objects.delete(id);
        return { status: 204 };
      case 'POST':
        if (query.has('uploads')) return this.#createUpload(bucket, key, request);
        if (query.has('uploadId')) return this.#completeUpload(bucket, key, query.get('uploadId') ?? '');
        return error(400, 'InvalidRequest', 'unsupported POST');
      default:
        return error(405, 'MethodNotAllowed', `${request.method} is not supported by the mock`);
    }
  }

  #put(id: string, request: ReceivedRequest): MockReply {
    const body = payloadOf(request);
    const etag = etagOf(body);
    this.objects.set(id, {
      body,
      contentType: request.headers['content-type'] ?? 'application/octet-stream',
      etag,
      lastModified: new Date(),
    });
    return { status: 200, headers: { etag } };
  }

  #get(id: string): MockReply {
    const object = this.objects.get(id);
    if (!object) return error(404, 'NoSuchKey', 'The specified key does not exist.');
    return {
      status: 200,
      headers: {
        'content-type': object.contentType,
        etag: object.etag,
        'last-modified': object.lastModified.toUTCString(),
      },
      body: object.body,
    };
  }

  #list(bucket: string, query: URLSearchParams): MockReply {
    const prefix = query.get('prefix') ?? '';
    const entries = [...this.objects.entries()]
      .filter(([id]) => id.startsWith(`${bucket}/${prefix}`))
      .map(([id, object]) => ({ key: id.slice(bucket.length + 1), object }))
      .sort((a, b) => a.key.localeCompare(b.key));
    const contents = entries
      .map(
        ({ key, object }) =>
          `<Contents><Key>${escapeXml(key)}</Key><LastModified>${object.lastModified.toISOString()}</LastModified><ETag>${escapeXml(object.etag)}</ETag><Size>${object.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
      )
      .join('');
    return {
      status: 200,
      headers: XML,
      body: `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${escapeXml(bucket)}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${entries.length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`,
    };
  }

  #createUpload(bucket: string, key: string, request: ReceivedRequest): MockReply {
    const uploadId = randomUUID();
    const contentType = request.headers['content-type'] ?? 'application/octet-stream';
    this.#uploads.set(uploadId, { key: `${bucket}/${key}`, contentType, parts: new Map() });
    return {
      status: 200,
      headers: XML,
      body: `<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult><Bucket>${escapeXml(bucket)}</Bucket><Key>${escapeXml(key)}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`,
    };
  }

  #uploadPart(request: ReceivedRequest): MockReply {
    const upload = this.#uploads.get(request.query.get('uploadId') ?? '');
    if (!upload) return error(404, 'NoSuchUpload', 'The specified upload does not exist.');
    const body = payloadOf(request);
    upload.parts.set(Number(request.query.get('partNumber')), body);
    return { status: 200, headers: { etag: etagOf(body) } };
  }

  #completeUpload(bucket: string, key: string, uploadId: string): MockReply {
    const upload = this.#uploads.get(uploadId);
    if (!upload) return error(404, 'NoSuchUpload', 'The specified upload does not exist.');
    const numbers = [...upload.parts.keys()].sort((a, b) => a - b);
    const body = Buffer.concat(numbers.map((n) => upload.parts.get(n) ?? Buffer.alloc(0)));
    const etag = `"${createHash('md5').update(body).digest('hex')}-${numbers.length}"`;
    this.objects.set(upload.key, { body, contentType: upload.contentType, etag, lastModified: new Date() });
    this.#uploads.delete(uploadId);
    return {
      status: 200,
      headers: XML,
      body: `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUploadResult><Bucket>${escapeXml(bucket)}</Bucket><Key>${escapeXml(key)}</Key><ETag>${escapeXml(etag)}</ETag></CompleteMultipartUploadResult>`,
    };
  }
}
