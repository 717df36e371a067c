/**
 * The one error catalogue of the API: every problem+json `code` a client can see, with its status and
 * title. Routes throw `ApiError`s naming a code; the error handler renders them (RFC 9457).
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication is required' },
  INVALID_CREDENTIALS: { status: 401, title: 'The e-mail or password is wrong' },
  INVALID_TOKEN: { status: 401, title: 'The token is invalid, expired or revoked' },
  INVALID_SIGNATURE: { status: 401, title: 'The request signature is invalid' },
  FORBIDDEN: { status: 403, title: 'This role may not do this' },
  NOT_FOUND: { status: 404, title: 'The resource does not exist' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'The method is not allowed on this resource' },
  NOT_ACCEPTABLE: { status: 406, title: 'The requested representation is not available' },
  CONFLICT: { status: 409, title: 'The request conflicts with existing data' },
  INVALID_TRANSITION: { status: 409, title: 'The action is not allowed in the current state' },
  IMMUTABLE_FIELD: { status: 409, title: 'The field can no longer change' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The content type is not supported' },
  BUSINESS_RULE_VIOLATED: { status: 422, title: 'A business rule refuses the request' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'The idempotency key was used with a different request' },
  UNPROCESSABLE_CONTENT: { status: 422, title: 'The content cannot be processed' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL_ERROR: { status: 500, title: 'Internal error' },
  UPSTREAM_UNAVAILABLE: { status: 502, title: 'An upstream service is unavailable' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'The service is temporarily unavailable' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  requestId?: string;
}

/** An error a client is meant to see. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    detail: string,
    options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

export const problemType = (code: ErrorCode): string =>
  `https://soundcheck.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`;

export function toProblem(code: ErrorCode, detail: string, errors?: FieldError[]): Problem {
  const { status, title } = errorCatalogue[code];
  return { type: problemType(code), title, status, detail, code, ...(errors ? { errors } : {}) };
}

export const notFound = (what: string): ApiError => new ApiError('NOT_FOUND', `${what} was not found`);
