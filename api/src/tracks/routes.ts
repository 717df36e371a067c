import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { actorOf } from '../auth/authenticate.ts';
import type { Deps } from '../deps.ts';
import { ReleaseParams, Track } from '../releases/schema.ts';
import { CreateTrackBody, ListTracksQuery, TrackList, TrackParams, UpdateTrackBody } from './schema.ts';
import { createTrack, deleteTrack, getTrack, listTracks, updateTrack } from './service.ts';

type OnRelease = { Params: Static<typeof ReleaseParams> };
type OnTrack = { Params: Static<typeof TrackParams> };
const common = { tags: ['tracks'], security: [{ bearerAuth: [] }] };

/** /v1/releases/{id}/tracks and /v1/releases/{id}/tracks/{trackId} (API.md, "Releases and tracks"). */
export function registerTrackRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<OnRelease & { Body: CreateTrackBody }>(
    '/v1/releases/:id/tracks',
    {
      schema: {
        ...common,
        summary: 'Add a track',
        params: ReleaseParams,
        body: CreateTrackBody,
        response: { 201: Track },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createTrack(deps, actorOf(request), request.params.id, request.body)),
  );

  app.get<OnRelease & { Querystring: ListTracksQuery }>(
    '/v1/releases/:id/tracks',
    {
      schema: {
        ...common,
        summary: 'The tracks in disc and track order',
        params: ReleaseParams,
        querystring: ListTracksQuery,
        response: { 200: TrackList },
      },
    },
    async (request) => listTracks(deps, actorOf(request), request.params.id, request.query),
  );

  app.get<OnTrack>(
    '/v1/releases/:id/tracks/:trackId',
    {
      schema: { ...common, summary: 'Read a track', params: TrackParams, response: { 200: Track } },
    },
    async (request) => getTrack(deps, actorOf(request), request.params.id, request.params.trackId),
  );

  app.patch<OnTrack & { Body: UpdateTrackBody }>(
    '/v1/releases/:id/tracks/:trackId',
    {
      schema: {
        ...common,
        summary: 'Change a track',
        params: TrackParams,
        body: UpdateTrackBody,
        response: { 200: Track },
      },
    },
    async (request) =>
      updateTrack(deps, actorOf(request), request.params.id, request.params.trackId, request.body),
  );

  app.delete<OnTrack>(
    '/v1/releases/:id/tracks/:trackId',
    {
      schema: {
        ...common,
        summary: 'Remove a track (the following ones move up)',
        params: TrackParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteTrack(deps, actorOf(request), request.params.id, request.params.trackId);
      return reply.code(204).send();
    },
  );
}
