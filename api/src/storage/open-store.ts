import type { Config } from '../config.ts';
import { localStore } from './local-store.ts';
import type { ObjectStore } from './object-store.ts';
import { parseS3Url, s3Store } from './s3-store.ts';

/** The object store named by STORAGE_URL: `file:///dir` or `s3://bucket/prefix` (with S3_ENDPOINT and keys). */
export function openObjectStore(config: Config): ObjectStore {
  const url = new URL(config.storageUrl);
  if (url.protocol === 'file:') return localStore(url.pathname);
  return s3Store({ ...parseS3Url(config.storageUrl), ...config.s3 });
}
