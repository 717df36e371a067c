import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { actorOf } from '../auth/authenticate.ts';
import type { Deps } from '../deps.ts';
import {
  CreateLabelBody,
  Label,
  LabelPage,
  LabelParams,
  ListLabelsQuery,
  UpdateLabelBody,
} from './schema.ts';
import { createLabel, getLabel, listLabels, updateLabel } from './service.ts';

type Params = { Params: Static<typeof LabelParams> };
const common = { tags: ['labels'], security: [{ bearerAuth: [] }] };

/** /v1/labels (API.md, "Users and labels"): admins write, everyone reads the labels they see. */
export function registerLabelRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Static<typeof CreateLabelBody> }>(
    '/v1/labels',
    {
      schema: {
        ...common,
        summary: 'Create a label (admin)',
        body: CreateLabelBody,
        response: { 201: Label },
      },
    },
    async (request, reply) => reply.code(201).send(await createLabel(deps, actorOf(request), request.body)),
  );

  app.get<{ Querystring: Static<typeof ListLabelsQuery> }>(
    '/v1/labels',
    {
      schema: {
        ...common,
        summary: 'The labels the caller sees',
        querystring: ListLabelsQuery,
        response: { 200: LabelPage },
      },
    },
    async (request) => listLabels(deps, actorOf(request), request.query),
  );

  app.get<Params>(
    '/v1/labels/:id',
    { schema: { ...common, summary: 'One label', params: LabelParams, response: { 200: Label } } },
    async (request) => getLabel(deps, actorOf(request), request.params.id),
  );

  app.patch<Params & { Body: Static<typeof UpdateLabelBody> }>(
    '/v1/labels/:id',
    {
      schema: {
        ...common,
        summary: 'Rename a label or set its DPID (admin)',
        params: LabelParams,
        body: UpdateLabelBody,
        response: { 200: Label },
      },
    },
    async (request) => updateLabel(deps, actorOf(request), request.params.id, request.body),
  );
}
