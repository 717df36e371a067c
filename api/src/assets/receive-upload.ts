import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { ApiError } from '../http/errors.ts';
import { MediaError } from '../media/media-error.ts';
import { declaredType, type MediaType, sniffType } from '../media/media-type.ts';
import type { ObjectStore } from '../storage/object-store.ts';

/** Enough for every header we read: WAV fmt/data, FLAC STREAMINFO, PNG IHDR, a JPEG frame after EXIF/ICC. */
const HEAD_BYTES = 256 * 1024;

const tooLarge = (limit: number) =>
  new ApiError('PAYLOAD_TOO_LARGE', `The file exceeds the upload limit of ${limit} bytes`);

/** Counts, hashes and caps the bytes flowing to storage. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  readonly #limit: number;

  constructor(limit: number) {
    super();
    this.#limit = limit;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.#limit) {
      callback(tooLarge(this.#limit));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

interface SplitBody {
  head: Buffer;
  /** All the bytes, the head included, for storage. */
  whole: Readable;
  /** Gives up the body without destroying it, so its unread rest can be drained (see receiveUpload). */
  release(): void;
}

/** The first `size` bytes of a stream, and a stream of all its bytes (those included) for what follows. */
async function splitHead(body: Readable, size: number): Promise<SplitBody> {
  // Not destroyed on return: destroying the request would cut the socket before the client reads the answer.
  const iterator = body.iterator({ destroyOnReturn: false }) as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* all() {
    yield head;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const whole = Readable.from(all(), { objectMode: false });
  return {
    head,
    whole,
    release() {
      whole.destroy();
      // The iterator's 'readable' listener keeps the body from flowing; returning it removes the listener.
      // It may wait for the next chunk (a read in progress), so nobody waits for it.
      iterator.return?.().catch(() => {});
    },
  };
}

export interface ReceivedFile<F> {
  type: MediaType;
  facts: F;
  sizeBytes: number;
  sha256: string;
}

export interface UploadRules<F> {
  accepted: readonly MediaType[];
  maxBytes: number;
  /** Reads the facts from the head; throws MediaError for unreadable files and bombs. */
  readFacts(type: MediaType, head: Buffer): F | Promise<F>;
}

/**
 * Streams an upload into storage under `key`: size limit before reading (content-length) and while
 * streaming, type from magic bytes (415 on mismatch), facts from the headers (422 when unreadable or a
 * bomb), SHA-256 on the way. Nothing is buffered beyond the head.
 *
 * A refusal after reading has begun (413 mid-stream, 415, 422, storage down) lets go of the body: the
 * app-wide drain (http/drain-refused-body.ts) then reads its rest, so the client, still sending, can read
 * the answer and keep its connection. Held by a half-read iterator, the body would not flow, and the
 * drain could only cut the socket at its time limit.
 */
export async function receiveUpload<F>(
  storage: ObjectStore,
  key: string,
  body: Readable,
  headers: { contentType: string | undefined; contentLength: string | undefined },
  rules: UploadRules<F>,
): Promise<ReceivedFile<F>> {
  const declared = declaredType(headers.contentType);
  if (!declared || !rules.accepted.includes(declared)) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `Send the file as ${rules.accepted.join(' or ')}`);
  }
  if (headers.contentLength && Number(headers.contentLength) > rules.maxBytes) throw tooLarge(rules.maxBytes);
  const { head, whole, release } = await splitHead(body, HEAD_BYTES);
  try {
    return await storeWhole(storage, key, head, whole, declared, rules);
  } catch (error) {
    release();
    throw error;
  }
}

async function storeWhole<F>(
  storage: ObjectStore,
  key: string,
  head: Buffer,
  whole: Readable,
  declared: MediaType,
  rules: UploadRules<F>,
): Promise<ReceivedFile<F>> {
  const sniffed = sniffType(head);
  // curl sends nothing, and says nothing under -s, when the file of `--data-binary @file` does not exist.
  if (!head.length)
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The body is empty: send the ${declared} file itself (with curl, check the file of --data-binary @file exists)`,
    );
  if (sniffed !== declared) {
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The file's content is ${sniffed ?? 'not a supported format'}, not the declared ${declared}`,
    );
  }
  let facts: F;
  try {
    facts = await rules.readFacts(declared, head);
  } catch (error) {
    if (error instanceof MediaError) throw new ApiError('UNPROCESSABLE_CONTENT', error.message);
    throw error;
  }
  const meter = new Meter(rules.maxBytes);
  whole.on('error', (error) => meter.destroy(error));
  try {
    const { sizeBytes } = await storage.put(key, whole.pipe(meter), declared);
    return { type: declared, facts, sizeBytes, sha256: meter.hash.digest('hex') };
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
}
