import type { Actor, ApiClient, ApiRequest, ApiResponse } from '../client/http-client.ts';
import { routeOf } from '../client/response-log.ts';
import type { Clock } from './clock.ts';
import type { Recorder } from './recorder.ts';
import { type Sender, type Sent, TransportError } from './sender.ts';

/** Names by method, then path: no key string to build and hash at every request. */
const names = new Map<string, Map<string, string>>();
let namesKept = 0;

/** `GET /v1/releases/0190…/tracks?x=1` → `GET /v1/releases/{id}/tracks`: a name, never a raw URL. */
export function requestName(method: string, path: string): string {
  let byPath = names.get(method);
  if (byPath === undefined) {
    byPath = new Map();
    names.set(method, byPath);
  }
  let name = byPath.get(path);
  if (name === undefined) {
    name = `${method} ${routeOf(path).replaceAll(':id', '{id}')}`;
    if (++namesKept > 10_000) {
      names.clear(); // paths with ids vary without end: bound the memo
      namesKept = 0;
    }
    byPath.set(path, name);
  }
  return name;
}

/** What a scenario gets back: the answer's headers, text and body are read from it only when asked for. */
class MeasuredResponse<T> implements ApiResponse<T> {
  private readonly sent: Sent;
  readonly status: number;
  readonly durationMs: number;
  constructor(sent: Sent, durationMs: number) {
    this.sent = sent;
    this.status = sent.status;
    this.durationMs = durationMs;
  }
  get headers(): Record<string, string> {
    return this.sent.headers;
  }
  get text(): string {
    return this.sent.text;
  }
  get body(): T {
    return this.sent.body as T;
  }
}

/** What the measured clients of one thread share. */
export interface MeasuredEnvironment {
  clock: Clock;
  recorder: Recorder;
  send: Sender;
  /** Aborts sleeps when the run is stopped for good. */
  hardStop: AbortSignal;
  /** False once the request cap is reached: the request is refused before it is sent. */
  mayRequest: () => boolean;
}

/**
 * The `ApiClient` of an iteration: every request is recorded under its name, its corrected latency
 * counted from the iteration's intended start (`lagMs` carried). A class, not closures: one is made
 * per iteration, so its methods live on the prototype.
 */
export class MeasuredClient implements ApiClient {
  private readonly env: MeasuredEnvironment;
  private readonly lagMs: number;
  private readonly fixedName: string | undefined;
  private readonly actor: Actor | undefined;

  constructor(env: MeasuredEnvironment, lagMs: number, fixedName?: string, actor?: Actor) {
    this.env = env;
    this.lagMs = lagMs;
    this.fixedName = fixedName;
    this.actor = actor;
  }

  async request<T>(request: ApiRequest): Promise<ApiResponse<T>> {
    const { env, lagMs } = this;
    const sent = this.actor
      ? { ...request, headers: { authorization: `Bearer ${this.actor.accessToken}`, ...request.headers } }
      : request;
    if (!env.mayRequest()) throw new TransportError('other', 'the request cap of this run was reached');
    const name = this.fixedName ?? requestName(request.method, request.path);
    const issuedAt = env.clock.now();
    try {
      const answer = await env.send(sent);
      const end = env.clock.now();
      env.recorder.request(name, end, end - issuedAt + lagMs, end - answer.sentAt, { status: answer.status });
      return new MeasuredResponse<T>(answer, end - issuedAt);
    } catch (error) {
      if (!env.hardStop.aborted) {
        const end = env.clock.now();
        const kind = error instanceof TransportError ? error.kind : 'other';
        env.recorder.request(name, end, end - issuedAt + lagMs, end - issuedAt, { error: kind });
      }
      throw error;
    }
  }

  get<T>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>> {
    return this.request(headers ? { method: 'GET', path, headers } : { method: 'GET', path });
  }
  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>> {
    return this.request(headers ? { method: 'POST', path, body, headers } : { method: 'POST', path, body });
  }
  put<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>> {
    return this.request(headers ? { method: 'PUT', path, body, headers } : { method: 'PUT', path, body });
  }
  patch<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>> {
    return this.request(headers ? { method: 'PATCH', path, body, headers } : { method: 'PATCH', path, body });
  }
  delete<T>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>> {
    return this.request(headers ? { method: 'DELETE', path, headers } : { method: 'DELETE', path });
  }
  as(actor: Actor): ApiClient {
    return new MeasuredClient(this.env, this.lagMs, this.fixedName, actor);
  }
  /** The same client, its requests recorded under `name`. */
  named(name: string): ApiClient {
    return new MeasuredClient(this.env, this.lagMs, name, this.actor);
  }
}
