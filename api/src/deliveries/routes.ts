import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { actorOf } from '../auth/authenticate.ts';
import type { Deps } from '../deps.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { keyset, pageQueryProperties } from '../http/pagination.ts';
import { compileValidator, validationErrors } from '../http/validation.ts';
import { partnerSecrets } from '../partners/credentials.ts';
import { findPartner } from '../partners/service.ts';
import { authorize, ensureVisible, visibilityFilters } from '../policy/authorize.ts';
import { visibleWhere } from '../policy/sql.ts';
import { ReleaseWithTracks } from '../releases/schema.ts';
import { acknowledgementFromCallback, partnerCallbackBody } from './ack/callback-body.ts';
import { acknowledgeDelivery, deliveryByMessage } from './acknowledge.ts';
import { memoryReplayGuard, redisReplayGuard, verifyCallback } from './callback-signature.ts';
import { newMessageId } from './create.ts';
import { enqueueDelivery } from './enqueue.ts';
import { idempotent, requestHash } from './idempotency.ts';
import { buildDeliveryMessage } from './package-delivery.ts';
import { createDeliveries, deliveryActions, runDeliveryAction } from './release-actions.ts';
import { deliveryStates, needsNewMessageId, nextDeliveryState, retryEventFor } from './state-machine.ts';
import { type DeliveryRow, deliveries } from './tables.ts';
import { transitionDelivery } from './transition.ts';
import { DeliveryView, deliveryView, deliveryWithEvents } from './views.ts';

const common = { tags: ['deliveries'], security: [{ bearerAuth: [] }] };
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
type IdParams = { Params: Static<typeof Id> };
const PartnerIds = Type.Array(Type.String({ format: 'uuid' }), {
  minItems: 1,
  maxItems: 50,
  uniqueItems: true,
});
const CreateDeliveriesBody = Type.Object(
  {
    partnerIds: PartnerIds,
    kind: Type.Optional(Type.Union([Type.Literal('new'), Type.Literal('update'), Type.Literal('takedown')])),
  },
  { additionalProperties: false },
);
const DistributeBody = Type.Object({ partnerIds: PartnerIds }, { additionalProperties: false });
const ListQuery = Type.Object(
  {
    ...pageQueryProperties(['createdAt'] as const),
    releaseId: Type.Optional(Type.String({ format: 'uuid' })),
    partnerId: Type.Optional(Type.String({ format: 'uuid' })),
    state: Type.Optional(Type.Union(deliveryStates.map((state) => Type.Literal(state)))),
  },
  { additionalProperties: false },
);
const DeliveryList = Type.Object({
  items: Type.Array(DeliveryView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

const asResource = (row: DeliveryRow) => ({
  ...row,
  id: row.id,
  labelId: row.labelId,
  partnerId: row.partnerId,
});

async function visibleDelivery(deps: Deps, actor: ReturnType<typeof actorOf>, id: string) {
  const [row] = await deps.db.orm.select().from(deliveries).where(eq(deliveries.id, id));
  return ensureVisible(actor, 'delivery:read', row && asResource(row), 'The delivery');
}

function refuseBody(body: unknown): void {
  if (body === undefined || body === null) return;
  if (typeof body === 'object' && Object.keys(body).length === 0) return;
  throw new ApiError('VALIDATION_FAILED', 'This action takes no body', {
    errors: [{ field: '(root)', code: 'UNKNOWN_PROPERTY', message: 'send no body, or {}' }],
  });
}

/** Deliveries (API.md, "Deliveries"), the delivery workflow actions and the partner callback. */
export function registerDeliveryRoutes(app: FastifyInstance, deps: Deps): void {
  for (const action of deliveryActions) {
    const withPartners = action === 'distribute';
    app.post<IdParams & { Body: Static<typeof DistributeBody> | undefined }>(
      `/v1/releases/:id/${action}`,
      {
        onRequest: app.authenticate,
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

  app.post<IdParams & { Body: Static<typeof CreateDeliveriesBody> }>(
    '/v1/releases/:id/deliveries',
    {
      onRequest: app.authenticate,
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
      const actor = actorOf(request);
      const key = request.headers['idempotency-key'];
      const now = deps.clock.now();
      const { status, body, created } = await deps.db.orm.transaction(async (tx) => {
        const memory =
          typeof key === 'string'
            ? await idempotent(tx, actor.id, key, requestHash('POST', request.url, request.body), now)
            : null;
        if (memory && 'replay' in memory) return { ...memory.replay, created: [] as DeliveryRow[] };
        const rows = await createDeliveries(deps, actor, request.params.id, request.body, tx);
        const response = { items: rows.map(deliveryView) };
        if (memory) await memory.remember(202, response);
        return { status: 202, body: response, created: rows };
      });
      for (const row of created) await enqueueDelivery(deps, row);
      return reply.code(status).send(body);
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/v1/deliveries',
    {
      onRequest: app.authenticate,
      schema: {
        ...common,
        summary: 'The deliveries the caller sees',
        querystring: ListQuery,
        response: { 200: DeliveryList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const page = keyset(
        { id: deliveries.id, fields: { createdAt: deliveries.id }, fallback: 'createdAt' },
        request.query,
      );
      const visible = visibleWhere(visibilityFilters(actor, 'delivery:read'), {
        id: deliveries.id,
        labelId: deliveries.labelId,
        partnerId: deliveries.partnerId,
      });
      const { releaseId, partnerId, state } = request.query;
      const rows = await deps.db.orm
        .select()
        .from(deliveries)
        .where(
          and(
            visible,
            page.after,
            releaseId ? eq(deliveries.releaseId, releaseId) : undefined,
            partnerId ? eq(deliveries.partnerId, partnerId) : undefined,
            state ? eq(deliveries.state, state) : undefined,
          ),
        )
        .orderBy(...page.orderBy)
        .limit(page.fetch);
      const result = page.page(rows, (row) => row.id);
      return { items: result.items.map(deliveryView), nextCursor: result.nextCursor };
    },
  );

  app.get<IdParams>(
    '/v1/deliveries/:id',
    {
      onRequest: app.authenticate,
      schema: {
        ...common,
        summary: 'One delivery with its events',
        params: Id,
        response: { 200: DeliveryView },
      },
    },
    async (request) =>
      deliveryWithEvents(deps.db.orm, await visibleDelivery(deps, actorOf(request), request.params.id)),
  );

  app.get<IdParams>(
    '/v1/deliveries/:id/ern',
    {
      onRequest: app.authenticate,
      schema: { ...common, summary: 'The ERN 4.3 message (application/xml)', params: Id },
    },
    async (request, reply) => {
      const delivery = await visibleDelivery(deps, actorOf(request), request.params.id);
      let xml = delivery.ern;
      if (!xml) {
        const built = await buildDeliveryMessage(deps, delivery, deps.clock.now());
        if (!built.ok)
          throw new ApiError('UNPROCESSABLE_CONTENT', `The message cannot be built: ${built.reason}`);
        xml = built.xml;
      }
      return reply.type('application/xml; charset=utf-8').send(xml);
    },
  );

  app.post<IdParams>(
    '/v1/deliveries/:id/retry',
    {
      onRequest: app.authenticate,
      schema: {
        ...common,
        summary: 'Retry a failed or rejected delivery (admin)',
        params: Id,
        response: { 200: DeliveryView },
      },
    },
    async (request) => {
      refuseBody(request.body);
      const actor = actorOf(request);
      const delivery = await visibleDelivery(deps, actor, request.params.id);
      authorize(actor, 'delivery:retry', asResource(delivery));
      const event = retryEventFor(delivery.state);
      if (!event)
        throw new ApiError('INVALID_TRANSITION', `A delivery in state ${delivery.state} cannot be retried`);
      // A redelivery is a new message in the same thread; the old package is dropped so it is rebuilt.
      const changes = needsNewMessageId(event)
        ? {
            messageId: newMessageId(),
            ern: null,
            plan: null,
            batchId: null,
            ack: null,
            attempts: 0,
            nextAttemptAt: null,
            uploadedAt: null,
          }
        : { attempts: 0, nextAttemptAt: null };
      const moved = await transitionDelivery(
        deps.db.orm,
        delivery,
        event,
        deps.clock.now(),
        `${event} by ${actor.email}`,
        changes,
      );
      if (!moved)
        throw new ApiError('INVALID_TRANSITION', 'The delivery changed state meanwhile; read it again');
      await enqueueDelivery(deps, moved);
      return deliveryWithEvents(deps.db.orm, moved);
    },
  );

  app.post<IdParams>(
    '/v1/deliveries/:id/cancel',
    {
      onRequest: app.authenticate,
      schema: {
        ...common,
        summary: 'Cancel a queued or failed delivery (admin)',
        params: Id,
        response: { 200: DeliveryView },
      },
    },
    async (request) => {
      refuseBody(request.body);
      const actor = actorOf(request);
      const delivery = await visibleDelivery(deps, actor, request.params.id);
      authorize(actor, 'delivery:cancel', asResource(delivery));
      if (!nextDeliveryState(delivery.state, 'cancel')) {
        throw new ApiError('INVALID_TRANSITION', `A delivery in state ${delivery.state} cannot be cancelled`);
      }
      const moved = await transitionDelivery(
        deps.db.orm,
        delivery,
        'cancel',
        deps.clock.now(),
        `cancelled by ${actor.email}`,
      );
      if (!moved)
        throw new ApiError('INVALID_TRANSITION', 'The delivery changed state meanwhile; read it again');
      return deliveryWithEvents(deps.db.orm, moved);
    },
  );

  registerCallbackRoute(app, deps);
}

const validateCallback = compileValidator({ schema: partnerCallbackBody, httpPart: 'body' });

/**
 * `POST /v1/partner-callbacks/{partnerId}`: the HMAC covers the raw bytes, so this route (alone, in its own
 * scope) keeps the body as a Buffer and parses the JSON only after the signature checks out.
 */
function registerCallbackRoute(app: FastifyInstance, deps: Deps): void {
  const replay = deps.config.redisUrl ? redisReplayGuard(deps.redis) : memoryReplayGuard();
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post<{ Params: { partnerId: string }; Body: Buffer }>(
      '/v1/partner-callbacks/:partnerId',
      {
        schema: {
          tags: ['deliveries'],
          summary: 'A partner’s signed acknowledgement (x-timestamp, x-signature: sha256=<hex>)',
          params: Type.Object({ partnerId: Type.String({ format: 'uuid' }) }),
        },
      },
      async (request, reply) => {
        const partner = await findPartner(deps, request.params.partnerId);
        if (!partner) throw notFound('The partner');
        const header = (name: string) => {
          const value = request.headers[name];
          return typeof value === 'string' ? value : undefined;
        };
        const verdict = await verifyCallback({
          secrets: [partnerSecrets(deps.config).callbackSecret(partner)],
          timestamp: header('x-timestamp'),
          signature: header('x-signature'),
          rawBody: request.body,
          now: deps.clock.now(),
          replay,
          scope: partner.id,
        });
        if (!verdict.ok) throw new ApiError('INVALID_SIGNATURE', verdict.detail);
        let body: unknown;
        try {
          body = JSON.parse(request.body.toString('utf8'));
        } catch {
          throw new ApiError('VALIDATION_FAILED', 'The body is not valid JSON');
        }
        if (!validateCallback(body)) {
          throw new ApiError('VALIDATION_FAILED', 'The body does not match the schema', {
            errors: validationErrors(validateCallback.errors ?? [], 'body'),
          });
        }
        const ack = acknowledgementFromCallback(body as Static<typeof partnerCallbackBody>);
        const delivery = await deliveryByMessage(deps, partner.id, ack.messageId);
        if (!delivery) throw notFound('The message');
        const result = await acknowledgeDelivery(deps, delivery, ack, 'callback');
        return reply.code(202).send({ status: result });
      },
    );
  });
}
