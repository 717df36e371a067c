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

/** PUT artwork and audio (streamed, never buffered), GET /v1/assets/{id} and its content (API.md, "Assets"). */
/** Media bodies reach the handler as the raw stream: no body limit buffering, no parsing. App-wide, as ever. */
export function registerMediaBodies(app: FastifyInstance): void {
  app.addContentTypeParser(/^(image|audio)\//, (_request, payload, done) => done(null, payload));
}

export function registerAssetRoutes(app: FastifyInstance, deps: Deps): void {
  // No drain of their own: a refused upload's unread body (413 from content-length or mid-stream, 415,
  // 401…) is read by the app-wide hook (http/drain-refused-body.ts); receiveUpload lets go of a half-read
  // body so that hook can. Closing the connection instead would cut off a client still sending (EPIPE).

  app.put<{ Params: Static<typeof ReleaseParams> }>(
    '/v1/releases/:id/artwork',
    {
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
