import type { ApiClient } from '../client/http-client.ts';
import { MeasuredClient, type MeasuredEnvironment } from './measured-client.ts';
import type { IterationContext, SetupContext } from './types.ts';

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
export interface IterationEnvironment extends MeasuredEnvironment {
  setup: SetupContext;
  scenario: string;
  seed: number;
}

/**
 * The context of one iteration. One is made per iteration, so `random`, `pick`, `sleep` and `named` are
 * made when first read (getters on the prototype, each giving a function that needs no `this`, so
 * `({ http, pick }) =>` still works): an iteration that only sends requests makes none of them.
 */
class Context implements IterationContext {
  readonly http: MeasuredClient;
  readonly baseUrl: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly vu: number;
  readonly iteration: number;
  readonly scenario: string;
  private readonly environment: IterationEnvironment;
  private drawn: (() => number) | undefined;

  constructor(environment: IterationEnvironment, vu: number, iteration: number, lagMs: number) {
    this.environment = environment;
    this.http = new MeasuredClient(environment, lagMs, undefined, undefined);
    this.baseUrl = environment.setup.baseUrl;
    this.env = environment.setup.env;
    this.vu = vu;
    this.iteration = iteration;
    this.scenario = environment.scenario;
  }

  get random(): () => number {
    this.drawn ??= seededRandom(this.environment.seed * 7919 + this.vu * 104_729 + this.iteration);
    return this.drawn;
  }
  get pick(): <T>(pool: readonly T[]) => T {
    const random = this.random;
    return <T>(pool: readonly T[]): T => {
      if (pool.length === 0) throw new Error('pick() got an empty pool; make the pool in setup');
      return pool[Math.floor(random() * pool.length)] as T;
    };
  }
  get sleep(): (ms: number) => Promise<void> {
    const { clock, hardStop } = this.environment;
    return (ms) => clock.sleepUntil(clock.now() + ms, hardStop);
  }
  get named(): (name: string) => ApiClient {
    const { http } = this;
    return (name) => http.named(name);
  }
}

/** The context of one iteration of VU `vu`, started `lagMs` after its intended start. */
export function iterationContext(
  env: IterationEnvironment,
  vu: number,
  iteration: number,
  lagMs: number,
): IterationContext {
  return new Context(env, vu, iteration, lagMs);
}
