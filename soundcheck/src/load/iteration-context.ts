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

/** The context of one iteration of VU `vu`, started `lagMs` after its intended start. */
export function iterationContext(
  env: IterationEnvironment,
  vu: number,
  iteration: number,
  lagMs: number,
): IterationContext {
  const random = seededRandom(env.seed * 7919 + vu * 104_729 + iteration);
  const http = new MeasuredClient(env, lagMs, undefined, undefined);
  return {
    ...env.setup,
    http,
    vu,
    iteration,
    scenario: env.scenario,
    sleep: (ms) => env.clock.sleepUntil(env.clock.now() + ms, env.hardStop),
    random,
    pick<T>(pool: readonly T[]): T {
      if (pool.length === 0) throw new Error('pick() got an empty pool; make the pool in setup');
      return pool[Math.floor(random() * pool.length)] as T;
    },
    named: (name) => http.named(name),
  };
}
