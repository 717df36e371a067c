import { type ApiClient, createApiClient, type Transport } from '../client/http-client.ts';
import { routeOf } from '../client/response-log.ts';
import type { Clock } from './clock.ts';
import type { Recorder } from './recorder.ts';
import { type Sender, TransportError } from './sender.ts';
import type { IterationContext, SetupContext } from './types.ts';

/** `GET /v1/releases/0190…/tracks?x=1` → `GET /v1/releases/{id}/tracks`: a name, never a raw URL. */
export function requestName(method: string, path: string): string {
  return `${method} ${routeOf(path).replaceAll(':id', '{id}')}`;
}

/** A seeded generator (mulberry32): the same seed draws the same pool elements. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** What every iteration of one thread shares. */
export interface IterationEnvironment {
  setup: SetupContext;
  scenario: string;
  clock: Clock;
  recorder: Recorder;
  send: Sender;
  /** Aborts sleeps when the run is stopped for good. */
  hardStop: AbortSignal;
  /** False once the request cap is reached: the request is refused before it is sent. */
  mayRequest: () => boolean;
  seed: number;
}

/** A client whose every request is measured: corrected from the iteration's intended start (its lag carried). */
function measuredClient(env: IterationEnvironment, lagMs: number, fixedName?: string): ApiClient {
  const transport: Transport = async (request) => {
    if (!env.mayRequest()) throw new TransportError('other', 'the request cap of this run was reached');
    const name = fixedName ?? requestName(request.method, request.path);
    const issuedAt = env.clock.now();
    try {
      const { sentAt, ...response } = await env.send(request);
      const end = env.clock.now();
      env.recorder.request(name, end, end - issuedAt + lagMs, end - sentAt, { status: response.status });
      return response;
    } catch (error) {
      if (!env.hardStop.aborted) {
        const end = env.clock.now();
        const kind = error instanceof TransportError ? error.kind : 'other';
        env.recorder.request(name, end, end - issuedAt + lagMs, end - issuedAt, { error: kind });
      }
      throw error;
    }
  };
  return createApiClient(transport);
}

/** The context of one iteration of VU `vu`, started `lagMs` after its intended start. */
export function iterationContext(
  env: IterationEnvironment,
  vu: number,
  iteration: number,
  lagMs: number,
): IterationContext {
  const random = seededRandom(env.seed * 7919 + vu * 104_729 + iteration);
  return {
    ...env.setup,
    http: measuredClient(env, lagMs),
    vu,
    iteration,
    scenario: env.scenario,
    sleep: (ms) => env.clock.sleepUntil(env.clock.now() + ms, env.hardStop),
    random,
    pick<T>(pool: readonly T[]): T {
      if (pool.length === 0) throw new Error('pick() got an empty pool; make the pool in setup');
      return pool[Math.floor(random() * pool.length)] as T;
    },
    named: (name) => measuredClient(env, lagMs, name),
  };
}
