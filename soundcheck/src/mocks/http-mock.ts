import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type MockService, notStarted } from './mock-service.ts';
import { malform, type Scenario, ScenarioBook } from './scenario.ts';

/** One request as the mock received it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
  at: number;
}

export interface MockReply {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string | object;
}

export type RouteHandler = (
  request: ReceivedRequest,
  params: Record<string, string>,
) => MockReply | Promise<MockReply>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
}

function patternOf(path: string): RegExp {
  // `/isrc/:code` → named groups; everything else literal.
  const source = path
    .split('/')
    .map((part) =>
      part.startsWith(':') ? `(?<${part.slice(1)}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

function encodeBody(body: MockReply['body'], headers: Record<string, string>): Buffer {
  if (body === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  headers['content-type'] ??= 'application/json';
  return Buffer.from(JSON.stringify(body));
}

/**
 * A scenario-controllable HTTP server: routes answer, scenarios (per path prefix) delay, fail, garble,
 * rate-limit or drop, and every request is recorded. Unrouted requests get 404 and are recorded too.
 */
export class HttpMock implements MockService {
  readonly name: string;
  readonly received: ReceivedRequest[] = [];
  readonly #routes: Route[] = [];
  readonly #scenarios = new ScenarioBook();
  readonly #sockets = new Set<Socket>();
  #server: Server | null = null;
  #url: string | null = null;

  constructor(name: string) {
    this.name = name;
  }

  get url(): string {
    return this.#url ?? notStarted(this.name);
  }

  /** Answers `method path` (`*` for any method; `:name` segments become params). */
  on(method: string, path: string | RegExp, handler: RouteHandler): this {
    this.#routes.push({ method, pattern: typeof path === 'string' ? patternOf(path) : path, handler });
    return this;
  }

  /** Applies a scenario to requests whose path starts with `pathPrefix` (`*` for all). */
  scenario(pathPrefix: string, scenario: Scenario): this {
    this.#scenarios.set(pathPrefix, scenario);
    return this;
  }

  /** Requests received whose path starts with `pathPrefix`. */
  requestsTo(pathPrefix: string): ReceivedRequest[] {
    return this.received.filter((request) => request.path.startsWith(pathPrefix));
  }

  reset(): void {
    this.received.length = 0;
    this.#scenarios.clear();
  }

  async start(): Promise<void> {
    if (this.#server) return;
    const server = createServer((req, res) => void this.#handle(req, res));
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    this.#url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const url = new URL(req.url ?? '/', 'http://mock');
      const request: ReceivedRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([name, value]) => [
            name,
            Array.isArray(value) ? value.join(', ') : (value ?? ''),
          ]),
        ),
        body: Buffer.concat(chunks),
        at: Date.now(),
      };
      this.received.push(request);
      const scenario = this.#scenarios.take(request.path);
      if (scenario?.delayMs) await sleep(scenario.delayMs);
      if (scenario?.dropConnection) {
        req.socket.destroy();
        return;
      }
      let reply: MockReply;
      if (scenario?.rateLimit) {
        reply = { status: 503, headers: { 'retry-after': '1' }, body: { error: 'rate limited by mock' } };
      } else if (scenario?.status) {
        reply = {
          status: scenario.status,
          body: scenario.body ?? { error: `scenario status ${scenario.status}` },
        };
      } else {
        reply = await this.#route(request);
      }
      const headers = { ...reply.headers };
      let body = encodeBody(reply.body, headers);
      if (scenario?.malformedBody) body = malform(body);
      headers['content-length'] ??= String(body.length);
      res.writeHead(reply.status, headers);
      res.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`mock ${this.name} failed: ${(error as Error).message}`);
    }
  }

  async #route(request: ReceivedRequest): Promise<MockReply> {
    for (const route of this.#routes) {
      if (route.method !== '*' && route.method !== request.method) continue;
      const match = route.pattern.exec(request.path);
      if (match) return route.handler(request, { ...match.groups });
    }
    return {
      status: 404,
      body: { error: `mock ${this.name} has no route for ${request.method} ${request.path}` },
    };
  }
}
