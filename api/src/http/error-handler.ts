import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDependencyOutage } from './dependency-outage.ts';
import { ApiError, type ErrorCode, type FieldError, toProblem } from './errors.ts';
import { trackRouteMethods } from './method-not-allowed.ts';
import { validationErrors } from './validation.ts';

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/** Fastify's own client errors, mapped onto the catalogue. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

function describe(error: FastifyError): { code: ErrorCode; detail: string; errors?: FieldError[] } {
  if (error.validation) {
    return {
      code: 'VALIDATION_FAILED',
      detail: `The ${error.validationContext ?? 'request'} does not match the schema`,
      errors: validationErrors(error.validation, error.validationContext),
    };
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { code: 'VALIDATION_FAILED', detail: 'The body is not valid JSON' };
  }
  const mapped = error.code ? fastifyCodes[error.code] : undefined;
  if (mapped === 'PAYLOAD_TOO_LARGE')
    return { code: mapped, detail: 'The request body exceeds the size limit' };
  if (mapped === 'UNSUPPORTED_MEDIA_TYPE') {
    return {
      code: mapped,
      detail: 'Send the body as application/json (or the media type the operation documents)',
    };
  }
  if (mapped) return { code: mapped, detail: 'The request could not be read' };
  if (error.statusCode === 413)
    return { code: 'PAYLOAD_TOO_LARGE', detail: 'The request body exceeds the size limit' };
  if (error.statusCode === 415)
    return { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'The content type is not supported' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { code: 'VALIDATION_FAILED', detail: 'The request could not be read' };
  }
  return {
    code: 'INTERNAL_ERROR',
    detail: 'An unexpected error occurred; quote the request id when reporting it',
  };
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  detail: string,
  errors?: FieldError[],
): FastifyReply {
  const problem = { ...toProblem(code, detail, errors), requestId: String(request.id) };
  return reply.code(problem.status).type(PROBLEM_JSON).send(JSON.stringify(problem));
}

/** Renders every error as problem+json; a 5xx never carries more than its code and the request id. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return sendProblem(reply, request, error.code, error.message, error.errors);
    }
    if (isDependencyOutage(error)) {
      request.log.error({ err: error }, 'a dependency is unavailable');
      reply.header('retry-after', '5');
      return sendProblem(
        reply,
        request,
        'SERVICE_UNAVAILABLE',
        'A service this request needs is unavailable; retry shortly',
      );
    }
    const { code, detail, errors } = describe(error);
    if (code === 'INTERNAL_ERROR') request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, code, detail, errors);
  });

  const methodsOf = trackRouteMethods(app);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = methodsOf(path);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(
        reply,
        request,
        'METHOD_NOT_ALLOWED',
        `${request.method} is not allowed here; use ${allowed.join(', ')}`,
      );
    }
    return sendProblem(reply, request, 'NOT_FOUND', `No route for ${request.method} ${path}`);
  });
}
