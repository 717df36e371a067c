import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { actorOf } from '../auth/authenticate.ts';
import type { Deps } from '../deps.ts';
import { refuseBody } from '../http/refuse-body.ts';
import { ReleaseWithTracks } from '../releases/schema.ts';
import { deliveryActions, runDeliveryAction } from './release-actions.ts';
import {
  CreateDeliveriesBody,
  DeliveryList,
  DistributeBody,
  Id,
  type IdParams,
  ListQuery,
} from './schema.ts';
import {
  cancelDelivery,
  createDeliveriesOnce,
  deliveryErn,
  getDelivery,
  listDeliveries,
  retryDelivery,
} from './service.ts';
import { DeliveryView } from './views.ts';

const common = { tags: ['deliveries'], security: [{ bearerAuth: [] }] };

/** Deliveries (API.md, "Deliveries") and the delivery workflow actions; the partner callback is callback-route.ts. */
export function registerDeliveryRoutes(app: FastifyInstance, deps: Deps): void {
  for (const action of deliveryActions) {
    const withPartners = action === 'distribute';
    app.post<IdParams & { Body: Static<typeof DistributeBody> | undefined }>(
      `/v1/releases/:id/${action}`,
      {
        schema: {
          ...common,
          tags: ['workflow'],
          summary: {
            distribute:
              'Deliver an approved release: new to partners that never had it, update to those that have',
            revise: 'Open an edit cycle on a delivered or live release (identifiers stay locked)',
            takedown: 'Take the release down at every partner that has it',
          }[action],
          params: Id,
          ...(withPartners ? { body: DistributeBody } : {}),
          response: { 200: ReleaseWithTracks },
        },
      },
      async (request) => {
        if (!withPartners) refuseBody(request.body);
        return runDeliveryAction(
          deps,
          actorOf(request),
          request.params.id,
          action,
          request.body?.partnerIds ?? [],
        );
      },
    );
  }

  app.post<IdParams & { Body: CreateDeliveriesBody }>(
    '/v1/releases/:id/deliveries',
    {
      schema: {
        ...common,
        summary: 'Queue deliveries of a release (Idempotency-Key honoured for 24 h)',
        params: Id,
        body: CreateDeliveriesBody,
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        }),
        response: { 202: Type.Object({ items: Type.Array(DeliveryView) }) },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { status, body } = await createDeliveriesOnce(deps, actorOf(request), {
        releaseId: request.params.id,
        body: request.body,
        url: request.url,
        idempotencyKey: typeof key === 'string' ? key : undefined,
      });
      return reply.code(status).send(body);
    },
  );

  app.get<{ Querystring: ListQuery }>(
    '/v1/deliveries',
    {
      schema: {
        ...common,
        summary: 'The deliveries the caller sees',
        querystring: ListQuery,
        response: { 200: DeliveryList },
      },
    },
    async (request) => listDeliveries(deps, actorOf(request), request.query),
  );

  app.get<IdParams>(
    '/v1/deliveries/:id',
    {
      schema: {
        ...common,
        summary: 'One delivery with its events',
        params: Id,
        response: { 200: DeliveryView },
      },
    },
    async (request) => getDelivery(deps, actorOf(request), request.params.id),
  );

  app.get<IdParams>(
    '/v1/deliveries/:id/ern',
    {
      schema: { ...common, summary: 'The ERN 4.3 message (application/xml)', params: Id },
    },
    async (request, reply) =>
      reply
        .type('application/xml; charset=utf-8')
        .send(await deliveryErn(deps, actorOf(request), request.params.id)),
  );

  app.post<IdParams>(
    '/v1/deliveries/:id/retry',
    {
      schema: {
        ...common,
        summary: 'Retry a failed or rejected delivery (admin)',
        params: Id,
        response: { 200: DeliveryView },
      },
    },
    async (request) => {
      refuseBody(request.body);
      return retryDelivery(deps, actorOf(request), request.params.id);
    },
  );

  app.post<IdParams>(
    '/v1/deliveries/:id/cancel',
    {
      schema: {
        ...common,
        summary: 'Cancel a queued or failed delivery (admin)',
        params: Id,
        response: { 200: DeliveryView },
      },
    },
    async (request) => {
      refuseBody(request.body);
      return cancelDelivery(deps, actorOf(request), request.params.id);
    },
  );
}
