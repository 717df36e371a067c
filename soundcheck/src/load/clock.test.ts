import { describe, expect, test } from 'vitest';
import { realClock } from './clock.ts';

// Short waits listen for no abort (see clock.ts); a stop must still end every wait, long ones at once.
describe('realClock.sleepUntil and a stop', () => {
  test('a signal aborted before the wait rejects at once, even for a short wait', async () => {
    const stop = new AbortController();
    stop.abort(new Error('stopped'));
    const waiting = realClock.sleepUntil(performance.now() + 40, stop.signal);
    // Settled before the loop reaches its next phase, so before any timer could fire: no wall-clock bound.
    const beforeAnyTimer = new Promise((resolve) => setImmediate(() => resolve('still waiting')));
    const first = await Promise.race([
      waiting.then(
        () => 'resolved',
        (error: Error) => error.message,
      ),
      beforeAnyTimer,
    ]);
    expect(first).toBe('stopped');
  });

  test('a long wait ends when the signal aborts, not at its time', async () => {
    const stop = new AbortController();
    const started = performance.now();
    const waiting = realClock.sleepUntil(started + 60_000, stop.signal);
    setTimeout(() => stop.abort(new Error('stopped')), 10);
    await expect(waiting).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(5000);
  });

  test('a short wait aborted while it runs rejects when it ends', async () => {
    const stop = new AbortController();
    const waiting = realClock.sleepUntil(performance.now() + 20, stop.signal);
    stop.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
  });
});
