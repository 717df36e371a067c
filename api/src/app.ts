import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerArtistRoutes } from './artists/routes.ts';
import { registerAssetRoutes, registerMediaBodies } from './assets/routes.ts';
import { accessClaimsOf } from './auth/authenticate.ts';
import { registerCallbackRoute } from './deliveries/callback-route.ts';
import { registerDeliveryRoutes } from './deliveries/routes.ts';
import type { Deps } from './deps.ts';
import { registerRefusedBodyDrain } from './http/drain-refused-body.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { registerOpenApi } from './http/openapi.ts';
import { requestIdFrom } from './http/request-id.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { compileValidator } from './http/validation.ts';
import { registerJobHandlers } from './jobs/handlers.ts';
import { registerLabelRoutes } from './labels/routes.ts';
import { registerLookupRoutes } from './lookup/routes.ts';
import { registerMetrics } from './ops/metrics.ts';
import { registerOpsRoutes } from './ops/routes.ts';
import { registerPartnerRoutes } from './partners/routes.ts';
import { registerRequestLimiter } from './rate-limit/request-limiter.ts';
import { registerReleaseRoutes } from './releases/routes.ts';
import { registerReviewRoutes } from './review/routes.ts';
import { registerAuthentication } from './sessions/authenticate.ts';
import { registerAuthRoutes, registerSessionRoutes } from './sessions/routes.ts';
import { registerTrackRoutes } from './tracks/routes.ts';
import { registerUserRoutes } from './users/routes.ts';

/** Builds the API on the given dependencies; `server.ts` listens, tests `inject`. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refreshToken'],
    },
    bodyLimit: config.bodyLimitBytes,
    genReqId: (request) => requestIdFrom(request.headers['x-request-id']),
    // The client IP comes only from trusted proxy hops; a forged x-forwarded-for beyond them is ignored.
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
    ajv: { customOptions: { allErrors: true } },
    return503OnClosing: true,
  });
  app.setValidatorCompiler(compileValidator);
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  registerRefusedBodyDrain(app);
  // JSON in and out: a text/plain body is an unsupported media type (415), not a string to validate.
  app.removeContentTypeParser('text/plain');
  await app.register(cors, { origin: config.corsOrigins.length ? config.corsOrigins : false });
  await registerOpenApi(app, config);
  registerMetrics(app);
  registerOpsRoutes(app, deps);
  registerAuthentication(app, deps);
  registerRequestLimiter(app, deps, (request) => accessClaimsOf(request, deps)?.sub ?? null);
  registerMediaBodies(app);
  // Public: health, readiness, docs and OpenAPI (above), login, refresh and the partner's signed callback.
  registerAuthRoutes(app, deps);
  registerCallbackRoute(app, deps);
  // Everything else needs a token: one scope, the authentication hook applied once for all its routes.
  await app.register(async (signedIn) => {
    signedIn.addHook('onRequest', signedIn.authenticate);
    registerSessionRoutes(signedIn, deps);
    registerLabelRoutes(signedIn, deps);
    registerUserRoutes(signedIn, deps);
    registerArtistRoutes(signedIn, deps);
    registerReleaseRoutes(signedIn, deps);
    registerReviewRoutes(signedIn, deps);
    registerTrackRoutes(signedIn, deps);
    registerLookupRoutes(signedIn, deps);
    registerPartnerRoutes(signedIn, deps);
    registerDeliveryRoutes(signedIn, deps);
    registerAssetRoutes(signedIn, deps);
  });
  registerJobHandlers(deps);
  return app;
}
