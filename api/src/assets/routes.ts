import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { actorOf } from '../auth/authenticate.ts';
import type { Deps } from '../deps.ts';
import { Asset, AssetParams, ReleaseParams, TrackParams } from './schema.ts';
import { type UploadBody, uploadArtwork, uploadAudio, visibleAsset } from './service.ts';
import { assetView } from './views.ts';

const common = { tags: ['assets'], security: [{ bearerAuth: [] }] };

const bodyOf = (request: FastifyRequest): UploadBody => ({
  stream: request.body as Readable,
  contentType: request.headers['content-type'],
  contentLength: request.headers['content-length'],
});

/**
 * An upload refused before its body was read (413, 415, 404…): the client is still sending. Drain what
 * comes so it can read the answer, then close rather than parse the rest as a next request.
 */
function drainUnreadBody(request: FastifyRequest): void {
  const raw = request.raw;
  if (raw.readableEnded) return;
  raw.resume();
  const linger = setTimeout(() => raw.socket?.destroy(), 5000);
  linger.unref();
  raw.once('end', () => clearTimeout(linger));
}

/** PUT artwork and audio (streamed, never buffered), GET /v1/assets/{id} and its content (API.md, "Assets"). */
export function registerAssetRoutes(app: FastifyInstance, deps: Deps): void {
  // Media bodies reach the handler as the raw stream: no body limit buffering, no parsing.
  app.addContentTypeParser(/^(image|audio)\//, (_request, payload, done) => done(null, payload));

  const uploadOptions = {
    onRequest: app.authenticate,
    onSend: async (
      request: FastifyRequest,
      reply: { statusCode: number; header(n: string, v: string): unknown },
      payload: unknown,
    ) => {
      if (reply.statusCode >= 400 && !request.raw.readableEnded) {
        reply.header('connection', 'close');
        drainUnreadBody(request);
      }
      return payload;
    },
  };

  app.put<{ Params: Static<typeof ReleaseParams> }>(
    '/v1/releases/:id/artwork',
    {
      ...uploadOptions,
      schema: {
        ...common,
        summary: 'Upload the release artwork (image/jpeg or image/png)',
        params: ReleaseParams,
        response: { 201: Asset },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await uploadArtwork(deps, actorOf(request), request.params.id, bodyOf(request))),
  );

  app.put<{ Params: Static<typeof TrackParams> }>(
    '/v1/releases/:id/tracks/:trackId/audio',
    {
      ...uploadOptions,
      schema: {
        ...common,
        summary: "Upload a track's audio (audio/wav or audio/flac)",
        params: TrackParams,
        response: { 201: Asset },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await uploadAudio(
            deps,
            actorOf(request),
            request.params.id,
            request.params.trackId,
            bodyOf(request),
          ),
        ),
  );

  app.get<{ Params: Static<typeof AssetParams> }>(
    '/v1/assets/:id',
    {
      onRequest: app.authenticate,
      schema: {
        ...common,
        summary: 'Read an asset: its facts, status and findings',
        params: AssetParams,
        response: { 200: Asset },
      },
    },
    async (request) => assetView(await visibleAsset(deps, actorOf(request), request.params.id)),
  );

  app.get<{ Params: Static<typeof AssetParams> }>(
    '/v1/assets/:id/content',
    {
      onRequest: app.authenticate,
      schema: {
        ...common,
        summary: "Download an asset's file, with its stored type, as an attachment",
        params: AssetParams,
      },
    },
    async (request, reply) => {
      const asset = await visibleAsset(deps, actorOf(request), request.params.id);
      const extension =
        { 'image/png': 'png', 'image/jpeg': 'jpg', 'audio/wav': 'wav', 'audio/flac': 'flac' }[
          asset.contentType
        ] ?? 'bin';
      return reply
        .type(asset.contentType)
        .header('content-length', String(asset.sizeBytes))
        .header('content-disposition', `attachment; filename="${asset.id}.${extension}"`)
        .header('x-content-type-options', 'nosniff')
        .send(await deps.storage.get(asset.storageKey));
    },
  );
}
