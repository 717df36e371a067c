/** One request as the suite sends it, whatever carries it (in-process `inject` or a real socket). */
export interface ApiRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** A raw body (bytes or text) sent as-is instead of JSON. */
  payload?: Buffer | string;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the response is JSON, otherwise the text. */
  body: T;
  text: string;
  durationMs: number;
}

export type Transport = (request: ApiRequest) => Promise<Omit<ApiResponse, 'durationMs'>>;

/** Anything that can act: a signed-in test user, or a bare token. */
export interface Actor {
  accessToken: string;
}

export type ResponseObserver = (request: ApiRequest, response: ApiResponse) => void;

/** The body of a response: parsed JSON when its type says JSON, otherwise the text. */
export function parse(text: string, contentType: string | undefined): unknown {
  if (text && contentType && /[/+]json/.test(contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Response headers as one lower-case string each (repeated ones joined). */
export function lowerCaseHeaders(
  headers: Record<string, string | string[] | number | undefined>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return result;
}

/** The headers and payload a request goes out with (a JSON body gets its content type). */
export function encode(request: ApiRequest): { headers: Record<string, string>; payload?: Buffer | string } {
  const headers = { ...request.headers };
  if (request.payload !== undefined) return { headers, payload: request.payload };
  if (request.body === undefined) return { headers };
  headers['content-type'] ??= 'application/json';
  return { headers, payload: JSON.stringify(request.body) };
}

/** A transport over `inject`-style in-process dispatch (Fastify's light-my-request). */
export function injectTransport(
  inject: (options: {
    method: string;
    url: string;
    headers: Record<string, string>;
    payload?: Buffer | string;
  }) => Promise<{
    statusCode: number;
    headers: Record<string, string | string[] | number | undefined>;
    body: string;
  }>,
): Transport {
  return async (request) => {
    const { headers, payload } = encode(request);
    const response = await inject({
      method: request.method,
      url: request.path,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
    const responseHeaders = lowerCaseHeaders(response.headers);
    return {
      status: response.statusCode,
      headers: responseHeaders,
      text: response.body,
      body: parse(response.body, responseHeaders['content-type']),
    };
  };
}

/** A transport over real HTTP to a deployment (black-box runs). */
export function fetchTransport(baseUrl: string): Transport {
  return async (request) => {
    const { headers, payload } = encode(request);
    const response = await fetch(new URL(request.path, baseUrl), {
      method: request.method,
      headers,
      ...(payload === undefined
        ? {}
        : { body: typeof payload === 'string' ? payload : new Uint8Array(payload) }),
      redirect: 'manual',
    });
    const text = await response.text();
    const responseHeaders = lowerCaseHeaders(Object.fromEntries(response.headers));
    return {
      status: response.status,
      headers: responseHeaders,
      text,
      body: parse(text, responseHeaders['content-type']),
    };
  };
}

export interface ApiClient {
  request<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>>;
  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  put<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  patch<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  delete<T = unknown>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  /** The same client, sending `authorization: Bearer <token>` of the actor. */
  as(actor: Actor): ApiClient;
}

/** The client every test uses; it does not know whether it talks in-process or over the network. */
export function createApiClient(transport: Transport, observe?: ResponseObserver, actor?: Actor): ApiClient {
  const request = async <T>(req: ApiRequest): Promise<ApiResponse<T>> => {
    const headers = { ...req.headers };
    if (actor) headers.authorization ??= `Bearer ${actor.accessToken}`;
    const sent = { ...req, headers };
    const started = performance.now();
    const response = {
      ...(await transport(sent)),
      durationMs: performance.now() - started,
    } as ApiResponse<T>;
    observe?.(sent, response);
    return response;
  };
  const withBody = (method: string) => (path: string, body?: unknown, headers?: Record<string, string>) =>
    request({ method, path, body, ...(headers ? { headers } : {}) });
  return {
    request,
    get: (path, headers) => request({ method: 'GET', path, ...(headers ? { headers } : {}) }),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    delete: (path, headers) => request({ method: 'DELETE', path, ...(headers ? { headers } : {}) }),
    as: (next) => createApiClient(transport, observe, next),
  } as ApiClient;
}
