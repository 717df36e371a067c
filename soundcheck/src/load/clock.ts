import { setTimeout as delay } from 'node:timers/promises';

/** The engine's time: milliseconds on a monotonic scale, and a way to wait for a moment on it. */
export interface Clock {
  now(): number;
  /** Resolves at `at` (at once when it has passed); rejects when `signal` aborts. */
  sleepUntil(at: number, signal?: AbortSignal): Promise<void>;
}

/** Waits up to this long are plain timers and notice an abort when they end; longer ones listen for it. */
const LISTEN_AFTER_MS = 50;

/**
 * Wall time (`performance.now()`). Waits are timers rounded up to the millisecond, never a busy loop:
 * on a shared machine spinning would steal the CPU the target needs. Node's timer clock is cached per
 * loop turn, so a start can still come up to a millisecond early; the engine counts no negative lag.
 * Short waits add no abort listener: one added to and removed from a run's long-lived signal at every
 * start reallocated the signal's tables, garbage V8 promoted (a long run's RSS crept up with it).
 */
export const realClock: Clock = {
  now: () => performance.now(),
  async sleepUntil(at, signal) {
    signal?.throwIfAborted();
    const wait = Math.ceil(at - performance.now());
    if (wait > 0) await delay(wait, undefined, wait > LISTEN_AFTER_MS ? { signal } : undefined);
    signal?.throwIfAborted();
  },
};

interface Sleeper {
  at: number;
  order: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Virtual time for tests: time stands still while anything can still run, and jumps to the next
 * sleeper's moment once everything waits on the clock. `run()` drives it until nothing is left.
 */
export class VirtualClock implements Clock {
  private time = 0;
  private order = 0;
  private sleepers: Sleeper[] = [];

  now(): number {
    return this.time;
  }

  sleepUntil(at: number, signal?: AbortSignal): Promise<void> {
    if (at <= this.time) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const sleeper = { at, order: this.order++, resolve, reject };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', () => {
        this.sleepers = this.sleepers.filter((other) => other !== sleeper);
        reject(signal.reason);
      });
    });
  }

  /** Advances time, sleeper by sleeper, until `done` settles. */
  async run<T>(done: Promise<T>): Promise<T> {
    let settled = false;
    const result = done.finally(() => {
      settled = true;
    });
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) break;
      this.sleepers.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.sleepers.shift();
      if (!next) continue;
      this.time = Math.max(this.time, next.at);
      next.resolve();
    }
    return result;
  }
}
