import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { errorCatalogue } from './errors.ts';
import { documentErrors, documentUploads } from './openapi-errors.ts';

const catalogueTable = Object.entries(errorCatalogue)
  .map(([code, { status, title }]) => `| \`${code}\` | ${status} | ${title} |`)
  .join('\n');

/**
 * The deployment's ACK timeout, which API.md leaves to configuration (`state_machines.json`: `uploaded →
 * failed` on `ack_timeout`, "no ACK within partner SLA"): a client, or a black-box test, reads it here
 * rather than guessing. `checkedEveryMs` is how often the delivery sweep looks, so a delivery fails at the
 * latest that long after its timeout.
 */
const ackTimeoutExtension = (config: Pick<Config, 'deliveries'>) => ({
  'x-delivery-ack-timeout': {
    description:
      'A delivery `uploaded` this long (afterMs) without an acknowledgement becomes `failed` (ack_timeout); deliveries are checked every checkedEveryMs.',
    afterMs: config.deliveries.ackTimeoutMs,
    checkedEveryMs: config.deliveries.sweepIntervalMs,
  },
});

/** OpenAPI 3.1 generated from the route schemas, served at /openapi.json, with a reference at /docs. */
export async function registerOpenApi(
  app: FastifyInstance,
  config: Pick<Config, 'deliveries'>,
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Music distribution API',
        version: '1.0.0',
        description: `Releases, reviews and DDEX deliveries. Errors are RFC 9457 problem details with a stable \`code\`:\n\n| code | status | meaning |\n|---|---|---|\n${catalogueTable}`,
        ...ackTimeoutExtension(config),
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: ({ schema, url }) => documentUploads({ schema, url }),
    transformObject: (documents) =>
      'openapiObject' in documents
        ? documentErrors(documents.openapiObject as Record<string, unknown>)
        : documents.swaggerObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
