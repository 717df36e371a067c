import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { Deps } from '../deps.ts';
import { isValidGtin } from '../identifiers/gtin.ts';
import { invalidField } from '../identifiers/invalid-field.ts';
import { normalizeIsrc } from '../identifiers/isrc.ts';
import { BarcodeLookupResult, BarcodeParams, IsrcLookupResult, IsrcParams } from './schema.ts';

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
    async (request) => {
      const isrc = normalizeIsrc(request.params.isrc);
      if (!isrc) throw invalidField('isrc', 'must be 12 characters: country, registrant, year, designation');
      return deps.musicbrainz.recordingsByIsrc(isrc);
    },
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
    async (request) => {
      const { upc } = request.params;
      // MusicBrainz stores barcodes as printed, so a valid code is searched as given (12 or 13 digits).
      if (!/^\d{12,13}$/.test(upc) || !isValidGtin(upc)) {
        throw invalidField('upc', 'must be a UPC-A (12 digits) or EAN-13 with a valid check digit');
      }
      return deps.musicbrainz.releasesByBarcode(upc);
    },
  );
}
