import { setTimeout as sleep } from 'node:timers/promises';
import { sweepDeliveries } from '@soundcheck/api/deliveries/sweep.ts';
import type { Deps } from '@soundcheck/api/deps.ts';

/**
 * The target's background work (jobs, the delivery sweep). In-process the test runs it on demand: the
 * queue is drained and the sweeper runs once. Black-box the target's own workers run it: nothing to do but
 * wait, which is what `eventually` does.
 */
export interface Background {
  settle(): Promise<void>;
}

export function backgroundOf(deps: Deps | null): Background {
  if (!deps) return { settle: async () => {} };
  return {
    async settle() {
      await deps.queue.drain();
      await sweepDeliveries(deps);
      await deps.queue.drain();
    },
  };
}

/**
 * Polls `probe` (after letting the background work run) until it returns a value other than undefined;
 * fails naming `what` after `timeoutMs`. The bound is generous for a shared machine, never a fixed sleep.
 */
export async function eventually<T>(
  background: Background,
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await background.settle();
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}
