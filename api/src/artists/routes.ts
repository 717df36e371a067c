import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { actorOf } from '../auth/authenticate.ts';
import type { Deps } from '../deps.ts';
import {
  Artist,
  ArtistList,
  ArtistParams,
  CreateArtistBody,
  ListArtistsQuery,
  UpdateArtistBody,
} from './schema.ts';
import { createArtist, getArtist, listArtists, updateArtist } from './service.ts';

const common = { tags: ['artists'], security: [{ bearerAuth: [] }] };

/** POST/GET /v1/artists and GET/PATCH /v1/artists/{id} (API.md, "Artists"). */
export function registerArtistRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: CreateArtistBody }>(
    '/v1/artists',
    {
      schema: { ...common, summary: 'Create an artist', body: CreateArtistBody, response: { 201: Artist } },
    },
    async (request, reply) => reply.code(201).send(await createArtist(deps, actorOf(request), request.body)),
  );

  app.get<{ Querystring: ListArtistsQuery }>(
    '/v1/artists',
    {
      schema: {
        ...common,
        summary: 'List the artists you can see',
        querystring: ListArtistsQuery,
        response: { 200: ArtistList },
      },
    },
    async (request) => listArtists(deps, actorOf(request), request.query),
  );

  app.get<{ Params: Static<typeof ArtistParams> }>(
    '/v1/artists/:id',
    {
      schema: { ...common, summary: 'Read an artist', params: ArtistParams, response: { 200: Artist } },
    },
    async (request) => getArtist(deps, actorOf(request), request.params.id),
  );

  app.patch<{ Params: Static<typeof ArtistParams>; Body: UpdateArtistBody }>(
    '/v1/artists/:id',
    {
      schema: {
        ...common,
        summary: 'Change an artist',
        params: ArtistParams,
        body: UpdateArtistBody,
        response: { 200: Artist },
      },
    },
    async (request) => updateArtist(deps, actorOf(request), request.params.id, request.body),
  );
}
