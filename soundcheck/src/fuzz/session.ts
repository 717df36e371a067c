import type { ApiRequest, ApiResponse, Transport } from '../client/http-client.ts';
import type { Check, Exchange } from './checks.ts';
import { type Finding, makeFinding } from './findings.ts';
import { type FuzzCase, toApiRequest } from './fuzz-case.ts';
import { IdPool, paramsOf } from './id-pool.ts';
import type { Operation } from './spec.ts';
import { requestConforms } from './validity.ts';

/** Who the fuzzer acts as: a name for the report and a bearer token (asked for each request). */
export interface FuzzActor {
  name: string;
  token: () => string | Promise<string>;
}

export interface SessionOptions {
  transport: Transport;
  /** For the `curl` lines (in-process runs use a placeholder host). */
  baseUrl: string;
  actor: FuzzActor;
  seed: number;
  /** The most requests the run sends, shrinking and re-checks included. */
  budget: number;
  /** Wall-clock limit of the run. */
  maxTimeMs: number;
  checks: readonly Check[];
  pool?: IdPool;
  /** Another actor for some operations (e.g. a disposable session for a logout). */
  actorFor?: Record<string, FuzzActor>;
}

export interface Sent {
  request: ApiRequest;
  response: ApiResponse;
  failures: Array<{ check: Check; message: string }>;
}

/** The run's state: the transport, the budget, what exists (the id pool) and what was found. */
export class FuzzSession {
  readonly pool: IdPool;
  readonly findings: Finding[] = [];
  /** `check operation` pairs already reported: the same bug is reported once. */
  readonly reported = new Set<string>();
  requests = 0;
  serverErrors = 0;
  /** Requests answered 429 and sent again after waiting. */
  rateLimited = 0;
  private readonly started = performance.now();

  readonly options: SessionOptions;

  constructor(options: SessionOptions) {
    this.options = options;
    this.pool = options.pool ?? new IdPool();
  }

  get exhausted(): boolean {
    return this.requests >= this.options.budget || performance.now() - this.started > this.options.maxTimeMs;
  }

  get elapsedMs(): number {
    return performance.now() - this.started;
  }

  /**
   * Sends one raw request (stateful chains and probes use this), counting it against the budget. A 429
   * is waited out (its `retry-after`, at most 10 s at a time, within the run's time) and sent again:
   * rate limiting is the server working, not an answer to check.
   */
  async sendRaw(request: ApiRequest): Promise<ApiResponse> {
    for (;;) {
      this.requests += 1;
      const started = performance.now();
      const response = {
        ...(await this.options.transport(request)),
        durationMs: performance.now() - started,
      };
      if (response.status >= 500) this.serverErrors += 1;
      const waitMs = Number(response.headers['retry-after'] ?? Number.NaN) * 1000;
      if (response.status !== 429 || !(waitMs <= 10_000) || this.exhausted) return response;
      this.rateLimited += 1;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  /** Sends a case and runs the checks on its response; records created resources in the pool. */
  async send(operation: Operation, fuzzCase: FuzzCase, checks = this.options.checks): Promise<Sent> {
    const actor = this.options.actorFor?.[operation.id] ?? this.options.actor;
    const request = toApiRequest(fuzzCase, operation.path, await actor.token());
    const response = await this.sendRaw(request);
    if (operation.method === 'POST' && response.status === 201 && fuzzCase.auth === 'actor')
      this.pool.recordCreated(operation.path, fuzzCase.pathParams, response.body);
    if (operation.method === 'DELETE' && response.status >= 200 && response.status < 300)
      this.pool.remove(fuzzCase.pathParams[paramsOf(operation.path).at(-1) ?? ''] ?? '');
    const exchange: Exchange = {
      operation,
      fuzzCase,
      request,
      response,
      requestConforms: requestConforms(operation, fuzzCase),
    };
    const failures = checks.flatMap((check) => {
      if (this.reported.has(`${check.name} ${operation.id}`)) return [];
      const message = check.verify(exchange);
      return message ? [{ check, message }] : [];
    });
    return { request, response, failures };
  }

  /** Records a failure as a finding (once per check and operation). */
  report(
    check: Check,
    message: string,
    fuzzCase: FuzzCase,
    sent: Pick<Sent, 'request' | 'response'>,
    confirmed: boolean,
  ): void {
    const key = `${check.name} ${fuzzCase.operation}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.findings.push(
      makeFinding({
        check,
        message,
        fuzzCase,
        request: sent.request,
        response: sent.response,
        actor: this.options.actor.name,
        baseUrl: this.options.baseUrl,
        seed: this.options.seed,
        confirmed,
      }),
    );
  }
}
