import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/authenticate.ts';
import type { Deps } from '../deps.ts';
import {
  ConnectionReport,
  CreatedPartner,
  CreatePartnerBody,
  ListPartnersQuery,
  PartnerPage,
  PartnerParams,
  PartnerView,
  UpdatePartnerBody,
} from './schema.ts';
import {
  createPartner,
  getPartner,
  listPartners,
  rotateCallbackSecret,
  testConnection,
  updatePartner,
} from './service.ts';

type Params = { Params: Static<typeof PartnerParams> };
const common = { tags: ['partners'], security: [{ bearerAuth: [] }] };

/** /v1/partners (API.md, "Partners"): admins manage DSPs; secrets are write-only. */
export function registerPartnerRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Static<typeof CreatePartnerBody> }>(
    '/v1/partners',
    {
      schema: {
        ...common,
        summary: 'Create a partner (admin); the 201 carries the callback secret, once',
        body: CreatePartnerBody,
        response: { 201: CreatedPartner },
      },
    },
    async (request, reply) => reply.code(201).send(await createPartner(deps, actorOf(request), request.body)),
  );

  app.get<{ Querystring: Static<typeof ListPartnersQuery> }>(
    '/v1/partners',
    {
      schema: {
        ...common,
        summary: 'The partners the caller sees',
        querystring: ListPartnersQuery,
        response: { 200: PartnerPage },
      },
    },
    async (request) => listPartners(deps, actorOf(request), request.query),
  );

  app.get<Params>(
    '/v1/partners/:id',
    {
      schema: {
        ...common,
        summary: 'One partner (secrets masked)',
        params: PartnerParams,
        response: { 200: PartnerView },
      },
    },
    async (request) => getPartner(deps, actorOf(request), request.params.id),
  );

  app.patch<Params & { Body: Static<typeof UpdatePartnerBody> }>(
    '/v1/partners/:id',
    {
      schema: {
        ...common,
        summary: 'Change a partner (admin); omitted secrets are kept',
        params: PartnerParams,
        body: UpdatePartnerBody,
        response: { 200: PartnerView },
      },
    },
    async (request) => updatePartner(deps, actorOf(request), request.params.id, request.body),
  );

  app.post<Params>(
    '/v1/partners/:id/test-connection',
    {
      schema: {
        ...common,
        summary: 'Connect with the stored credentials (admin): { ok, detail }',
        params: PartnerParams,
        response: { 200: ConnectionReport },
      },
    },
    async (request) => testConnection(deps, actorOf(request), request.params.id),
  );

  app.post<Params>(
    '/v1/partners/:id/rotate-callback-secret',
    {
      schema: {
        ...common,
        summary: 'A new callback signing secret (admin), returned once; the old one stops working',
        params: PartnerParams,
        response: { 200: Type.Object({ callbackSecret: Type.String() }) },
      },
    },
    async (request) => rotateCallbackSecret(deps, actorOf(request), request.params.id),
  );
}
