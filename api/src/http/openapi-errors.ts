import { type ErrorCode, errorCatalogue } from './errors.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 9457 problem details as every error of the API is rendered (`error-handler.ts`). */
export const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    code: { type: 'string', enum: Object.keys(errorCatalogue) as ErrorCode[] },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
    requestId: { type: 'string' },
  },
} as const;

const problemResponse = (description: string): Json => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Operations whose answer depends on a third party: a 502 UPSTREAM_UNAVAILABLE is part of their contract. */
const upstreamTags = new Set(['lookup']);

/**
 * Every operation documents its errors: any 4xx (the status and code follow the catalogue in the
 * description), 503 when a dependency is down, and 502 where a third party answers. A default that
 * Fastify writes into `required` (a query parameter with a `default`) is optional for the client.
 */
export function documentErrors(document: Json): Json {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const paths = isObject(document.paths) ? document.paths : {};
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const operation of Object.values(item)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      const responses = operation.responses;
      responses['4XX'] ??= problemResponse(
        'The request was refused; `code` says why (see the error catalogue)',
      );
      responses['503'] ??= problemResponse('A dependency is unavailable; retry after `retry-after` seconds');
      const tags = Array.isArray(operation.tags) ? operation.tags : [];
      if (tags.some((tag) => upstreamTags.has(String(tag))))
        responses['502'] ??= problemResponse('The third party did not answer (UPSTREAM_UNAVAILABLE)');
      if (Array.isArray(operation.parameters)) {
        for (const parameter of operation.parameters)
          if (
            isObject(parameter) &&
            parameter.in === 'query' &&
            isObject(parameter.schema) &&
            'default' in parameter.schema
          )
            parameter.required = false;
      }
    }
  }
  return { ...document, components: { ...components, schemas: { ...schemas, Problem: problemSchema } } };
}

/**
 * An upload route names its media types in `x-upload-media-types`: the body is the file itself, streamed,
 * so it is documented (a binary body of those types) but never given to Fastify to validate.
 */
export function documentUploads<S extends object>(route: {
  schema: S;
  url: string;
}): { schema: S; url: string } {
  const { 'x-upload-media-types': types, ...rest } = route.schema as S & { 'x-upload-media-types'?: unknown };
  if (!Array.isArray(types)) return route;
  return {
    url: route.url,
    schema: { ...rest, consumes: types, body: { type: 'string', format: 'binary' } } as S,
  };
}

declare module 'fastify' {
  interface FastifySchema {
    /** The media types an upload route takes as its body (documented by `documentUploads`). */
    'x-upload-media-types'?: readonly string[];
  }
}
