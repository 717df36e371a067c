import type { Readable } from 'node:stream';

/** Where asset bytes live: an S3-compatible bucket, or a local directory in the embedded default. */
export interface ObjectStore {
  readonly kind: 'file' | 's3';
  put(key: string, body: Readable, contentType: string): Promise<{ sizeBytes: number }>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  /** A short reason when the store cannot be used, `ok` otherwise (for /ready). */
  check(): Promise<string>;
}
