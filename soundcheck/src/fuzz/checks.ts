import type { ApiRequest, ApiResponse } from '../client/http-client.ts';
import type { FuzzCase } from './fuzz-case.ts';
import type { Operation, ResponseSpec } from './spec.ts';
import { schemaError } from './validity.ts';

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** What a check knows of one request and its response. */
export interface Exchange {
  operation: Operation;
  fuzzCase: FuzzCase;
  request: ApiRequest;
  response: ApiResponse;
  /** Whether the spec admits the request (decided by ajv, not by what the generator meant). */
  requestConforms: boolean;
}

/** One oracle: Schemathesis's name where it has one; its OWASP API Top 10 (2023) item, CWE and severity. */
export interface Check {
  name: string;
  owasp: string;
  cwe: number;
  severity: Severity;
  /** The failure, in words, or null when the exchange passes. */
  verify(exchange: Exchange): string | null;
}

/** The documented response for a status: the exact code, then its range (`4XX`), then `default`. */
export function documentedResponse(operation: Operation, status: number): ResponseSpec | undefined {
  return (
    operation.responses[String(status)] ??
    operation.responses[`${String(status)[0]}XX`] ??
    operation.responses.DEFAULT
  );
}

const mediaType = (header: string | undefined): string =>
  (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** Statuses a valid request may get without the server having refused its data (Schemathesis's defaults, and the business refusals). */
const ACCEPTING = new Set([401, 403, 404, 409, 422, 429]);

const LEAK_PATTERNS: Array<[RegExp, string]> = [
  // A stack frame, raw or JSON-escaped: "\n    at find (/srv/app.js:10:5)".
  [/(\n|\\n)\s*at [^\n"]*:\d+:\d+/, 'a stack trace'],
  [/node:internal|node_modules\//, 'a server file path'],
  [/\b(TypeError|ReferenceError|RangeError|SyntaxError): /, 'a JavaScript error message'],
  [/\bSELECT\b[^"]{0,200}\bFROM\b|\bINSERT INTO\b|\bUPDATE\b[^"]{0,80}\bSET\b/, 'SQL text'],
  [
    /syntax error at or near|violates (unique|foreign key|check) constraint|relation "[^"]+" does not exist/i,
    'a database error',
  ],
];

export const notAServerError: Check = {
  name: 'not_a_server_error',
  owasp: 'API8:2023',
  cwe: 755,
  severity: 'high',
  verify: ({ response, operation }) => {
    if (response.status < 500) return null;
    if (response.status !== 500 && documentedResponse(operation, response.status)) return null;
    return `the server answered ${response.status}`;
  },
};

export const statusCodeConformance: Check = {
  name: 'status_code_conformance',
  owasp: 'API9:2023',
  cwe: 1059,
  severity: 'low',
  // A 5xx is not_a_server_error's to report.
  verify: ({ response, operation }) =>
    response.status >= 500 || documentedResponse(operation, response.status)
      ? null
      : `${response.status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})`,
};

export const contentTypeConformance: Check = {
  name: 'content_type_conformance',
  owasp: 'API9:2023',
  cwe: 1059,
  severity: 'low',
  verify: ({ response, operation }) => {
    const documented = documentedResponse(operation, response.status);
    const types = Object.keys(documented?.content ?? {});
    if (!documented || types.length === 0 || response.status === 204) return null;
    const actual = mediaType(response.headers['content-type']);
    return types.some((type) => mediaType(type) === actual || type === '*/*')
      ? null
      : `content-type "${actual}" is not one of ${types.join(', ')}`;
  },
};

export const responseSchemaConformance: Check = {
  name: 'response_schema_conformance',
  owasp: 'API9:2023',
  cwe: 1059,
  severity: 'medium',
  verify: ({ response, operation }) => {
    const documented = documentedResponse(operation, response.status);
    if (!documented) return null;
    const actual = mediaType(response.headers['content-type']);
    const schema = Object.entries(documented.content).find(([type]) => mediaType(type) === actual)?.[1];
    if (!schema || !/json/.test(actual)) return null;
    const error = schemaError(schema, response.body);
    return error ? `the body does not match the ${response.status} schema: ${error}` : null;
  },
};

export const negativeDataRejection: Check = {
  name: 'negative_data_rejection',
  owasp: 'API8:2023',
  cwe: 20,
  severity: 'medium',
  verify: ({ fuzzCase, requestConforms, response }) =>
    fuzzCase.breaks && !requestConforms && fuzzCase.auth === 'actor' && isSuccess(response.status)
      ? `invalid data (${fuzzCase.breaks}) was accepted with ${response.status}`
      : null,
};

/**
 * A 400 that names the fields it refuses (problem details' `errors[].field`) is a rule the schema cannot
 * say (a check digit, an opaque cursor, a field another field excludes): the data was read, then refused.
 */
function namesRefusedFields(body: unknown): boolean {
  const errors =
    typeof body === 'object' && body !== null ? (body as { errors?: unknown }).errors : undefined;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((error) => typeof (error as { field?: unknown })?.field === 'string')
  );
}

export const positiveDataAcceptance: Check = {
  name: 'positive_data_acceptance',
  owasp: 'API8:2023',
  cwe: 20,
  severity: 'low',
  verify: ({ fuzzCase, requestConforms, response }) => {
    if (!requestConforms || fuzzCase.auth !== 'actor' || fuzzCase.breaks) return null;
    if (isSuccess(response.status) || ACCEPTING.has(response.status) || response.status >= 500) return null;
    if (response.status === 400 && namesRefusedFields(response.body)) return null;
    return `data the spec admits was refused with ${response.status}`;
  },
};

export const ignoredAuth: Check = {
  name: 'ignored_auth',
  owasp: 'API2:2023',
  cwe: 287,
  severity: 'critical',
  verify: ({ operation, fuzzCase, response }) => {
    if (!operation.secured || fuzzCase.auth === 'actor') return null;
    const what = fuzzCase.auth === 'none' ? 'without credentials' : 'with a forged token';
    if (response.status !== 401) return `a secured operation ${what} answered ${response.status}, not 401`;
    return /^bearer/i.test(response.headers['www-authenticate'] ?? '')
      ? null
      : `401 ${what} lacks "www-authenticate: Bearer"`;
  },
};

export const noInternalsLeaked: Check = {
  name: 'no_internals_leaked',
  owasp: 'API8:2023',
  cwe: 209,
  severity: 'medium',
  verify: ({ request, response }) => {
    // What the request itself sent may come back (an echoed title); only what the server added counts.
    const sent = `${request.path} ${String(request.payload ?? '')}`;
    for (const [pattern, what] of LEAK_PATTERNS) {
      const match = pattern.exec(response.text);
      if (match && !sent.includes(match[0])) return `the body carries ${what}: ${match[0].slice(0, 120)}`;
    }
    return null;
  },
};

/** The checks run on every response. */
export const responseChecks: readonly Check[] = [
  notAServerError,
  statusCodeConformance,
  contentTypeConformance,
  responseSchemaConformance,
  negativeDataRejection,
  positiveDataAcceptance,
  ignoredAuth,
  noInternalsLeaked,
];
