import type { Readable } from 'node:stream';

/**
 * A partner's side of a delivery, whatever carries it (SFTP, S3). Paths are relative to the partner's
 * root (SFTP) or prefix (S3), `/`-separated. Every method throws a `TransportError` on a transport problem.
 */
export interface Transport {
  /** The size of the file at `path`, or null when there is none. */
  size(path: string): Promise<number | null>;
  /** A small file's content (acknowledgements, a message or manifest already written). */
  read(path: string): Promise<Buffer>;
  /** Writes `path`, creating its folders; `body` is streamed. */
  put(path: string, body: Buffer | Readable, sizeBytes: number): Promise<void>;
  /** The names of the files directly in `folder` (none when the folder does not exist). */
  list(folder: string): Promise<string[]>;
  close(): Promise<void>;
}

/** A transport problem: the connection failed, timed out, was refused, or a file operation failed. */
export class TransportError extends Error {
  override name = 'TransportError';
}

export const joinPath = (...parts: string[]): string =>
  parts
    .filter((part) => part !== '')
    .join('/')
    .replace(/\/{2,}/g, '/');
