import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { Deps } from '../deps.ts';
import { BarcodeLookupResult, BarcodeParams, IsrcLookupResult, IsrcParams } from './schema.ts';
import { lookupBarcode, lookupIsrc } from './service.ts';

const common = { tags: ['lookup'], security: [{ bearerAuth: [] }] };

/** GET /v1/lookup/isrc/{isrc} and /v1/lookup/barcode/{upc}: MusicBrainz, for any signed-in user. */
export function registerLookupRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Static<typeof IsrcParams> }>(
    '/v1/lookup/isrc/:isrc',
    {
      schema: {
        ...common,
        summary: 'Recordings MusicBrainz knows under an ISRC',
        params: IsrcParams,
        response: { 200: IsrcLookupResult },
      },
    },
    async (request) => lookupIsrc(deps, request.params.isrc),
  );

  app.get<{ Params: Static<typeof BarcodeParams> }>(
    '/v1/lookup/barcode/:upc',
    {
      schema: {
        ...common,
        summary: 'Releases MusicBrainz knows under a UPC/EAN barcode',
        params: BarcodeParams,
        response: { 200: BarcodeLookupResult },
      },
    },
    async (request) => lookupBarcode(deps, request.params.upc),
  );
}
