import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { releaseBody } from '../../factories/releases.ts';
import type { JsonWriteTarget } from './body-checks.ts';

/** `POST /v1/releases` as the body checks see it: a fresh valid release body (a new UPC) each time. */
export const releaseTarget = (api: ApiClient, client: ApiClient, artistIds: string[]): JsonWriteTarget => ({
  api,
  client,
  path: '/v1/releases',
  body: () => ({ ...releaseBody(artistIds) }),
  stringField: 'title',
  objectField: 'pLine',
  readPath: (id) => `/v1/releases/${id}`,
});
