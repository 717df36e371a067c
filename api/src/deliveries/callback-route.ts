import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { Deps } from '../deps.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { compileValidator, validationErrors } from '../http/validation.ts';
import { partnerSecrets } from '../partners/credentials.ts';
import { findPartner } from '../partners/service.ts';
import { acknowledgementFromCallback, partnerCallbackBody } from './ack/callback-body.ts';
import { acknowledgeDelivery, deliveryByMessage } from './acknowledge.ts';
import { memoryReplayGuard, redisReplayGuard, verifyCallback } from './callback-signature.ts';

const validateCallback = compileValidator({ schema: partnerCallbackBody, httpPart: 'body' });

/**
 * `POST /v1/partner-callbacks/{partnerId}`: the HMAC covers the raw bytes, so this route (alone, in its own
 * scope) keeps the body as a Buffer and parses the JSON only after the signature checks out.
 */
export function registerCallbackRoute(app: FastifyInstance, deps: Deps): void {
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
          response: {
            202: Type.Object(
              { status: Type.Union([Type.Literal('applied'), Type.Literal('unchanged')]) },
              { description: 'Accepted; `unchanged` when the same acknowledgement came before' },
            ),
          },
        },
      },
      async (request, reply) => {
        const partner = await findPartner(deps.db.orm, request.params.partnerId);
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
