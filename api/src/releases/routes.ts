import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { actorOf } from '../auth/authenticate.ts';
import type { Deps } from '../deps.ts';
import { releaseHistory } from './history.ts';
import {
  CreateReleaseBody,
  HistoryPage,
  HistoryQuery,
  ListReleasesQuery,
  ReleaseList,
  ReleaseParams,
  ReleaseWithTracks,
  UpdateReleaseBody,
} from './schema.ts';
import { createRelease, deleteRelease, getRelease, listReleases, updateRelease } from './service.ts';

type Params = { Params: Static<typeof ReleaseParams> };
const common = { tags: ['releases'], security: [{ bearerAuth: [] }] };

/** /v1/releases: CRUD and history (API.md, "Releases and tracks"); validation and workflow actions are review/'s. */
export function registerReleaseRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: CreateReleaseBody }>(
    '/v1/releases',
    {
      schema: {
        ...common,
        summary: 'Create a release (state draft)',
        body: CreateReleaseBody,
        response: { 201: ReleaseWithTracks },
      },
    },
    async (request, reply) => reply.code(201).send(await createRelease(deps, actorOf(request), request.body)),
  );

  app.get<{ Querystring: ListReleasesQuery }>(
    '/v1/releases',
    {
      schema: {
        ...common,
        summary: 'List the releases you can see',
        querystring: ListReleasesQuery,
        response: { 200: ReleaseList },
      },
    },
    async (request) => listReleases(deps, actorOf(request), request.query),
  );

  app.get<Params>(
    '/v1/releases/:id',
    {
      schema: {
        ...common,
        summary: 'Read a release with its tracks',
        params: ReleaseParams,
        response: { 200: ReleaseWithTracks },
      },
    },
    async (request) => getRelease(deps, actorOf(request), request.params.id),
  );

  app.patch<Params & { Body: UpdateReleaseBody }>(
    '/v1/releases/:id',
    {
      schema: {
        ...common,
        summary: 'Change a release in draft or changes_requested',
        params: ReleaseParams,
        body: UpdateReleaseBody,
        response: { 200: ReleaseWithTracks },
      },
    },
    async (request) => updateRelease(deps, actorOf(request), request.params.id, request.body),
  );

  app.delete<Params>(
    '/v1/releases/:id',
    {
      schema: { ...common, summary: 'Delete a draft', params: ReleaseParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await deleteRelease(deps, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get<Params & { Querystring: Static<typeof HistoryQuery> }>(
    '/v1/releases/:id/history',
    {
      schema: {
        ...common,
        summary: 'The audit trail, oldest first',
        params: ReleaseParams,
        querystring: HistoryQuery,
        response: { 200: HistoryPage },
      },
    },
    async (request) => releaseHistory(deps, actorOf(request), request.params.id, request.query),
  );
}
