import { setTimeout as sleep } from 'node:timers/promises';
import { idempotent } from '@soundcheck/api/deliveries/idempotency.ts';
import type { Deps } from '@soundcheck/api/deps.ts';
import { ApiError } from '@soundcheck/api/http/errors.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

type Outcome = { replay: { status: number; body: unknown } } | 'new';

/** One request under an Idempotency-Key, in its own transaction, as the route runs it. */
async function request(
  deps: Deps,
  userId: string,
  key: string,
  hash: string,
  answer: unknown,
  options: { now?: Date; fail?: boolean; taken?: () => void; holdUntil?: Promise<void> } = {},
): Promise<Outcome> {
  return deps.db.orm.transaction(async (tx) => {
    const memory = await idempotent(tx, userId, key, hash, options.now ?? new Date());
    if ('replay' in memory) return { replay: memory.replay };
    options.taken?.();
    await options.holdUntil;
    if (options.fail) throw new Error('the request failed after the key was taken');
    await memory.remember(202, answer);
    return 'new' as const;
  });
}

async function untilWaitingOnALock(deps: Deps): Promise<void> {
  for (;;) {
    const [row] = await deps.db.query<{ waiting: number }>(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if (row && row.waiting > 0) return;
    await sleep(10);
  }
}

const reused = (error: unknown) => error instanceof ApiError && error.code === 'IDEMPOTENCY_KEY_REUSED';

describe('Idempotency-Key storage', { tags: ['integration', 'delivery', 'database'] }, () => {
  test('the first request runs; the same key and hash replay its answer; another hash is refused', async ({
    deps,
    admin,
  }) => {
    expect(await request(deps, admin.id, 'k1', 'h1', { items: [1] })).toBe('new');
    expect(await request(deps, admin.id, 'k1', 'h1', { items: [2] })).toEqual({
      replay: { status: 202, body: { items: [1] } },
    });
    await expect(request(deps, admin.id, 'k1', 'other', {})).rejects.toSatisfy(reused);
  });

  test('a concurrent duplicate waits for the first and replays its answer', async ({ deps, admin }) => {
    const taken = Promise.withResolvers<void>();
    const release = Promise.withResolvers<void>();
    const first = request(
      deps,
      admin.id,
      'k2',
      'h',
      { id: 'first' },
      {
        taken: taken.resolve,
        holdUntil: release.promise,
      },
    );
    await taken.promise;
    const second = request(deps, admin.id, 'k2', 'h', { id: 'second' });
    // The first holds its key until the second is seen waiting on it (PGlite runs one transaction at a time).
    if (deps.db.backend === 'postgres') await untilWaitingOnALock(deps);
    release.resolve();
    expect(await first).toBe('new');
    expect(await second).toEqual({ replay: { status: 202, body: { id: 'first' } } });
  });

  test('a request that failed leaves no key behind: the retry runs', async ({ deps, admin }) => {
    await expect(request(deps, admin.id, 'k3', 'h', {}, { fail: true })).rejects.toThrow(
      'failed after the key',
    );
    expect(await request(deps, admin.id, 'k3', 'h', { ok: true })).toBe('new');
  });

  test('a key is remembered for 24 hours, then free for any request', async ({ deps, admin }) => {
    const then = new Date('2025-01-01T00:00:00Z');
    expect(await request(deps, admin.id, 'k4', 'h', { v: 1 }, { now: then })).toBe('new');
    const almostADay = new Date(then.getTime() + 24 * 3600_000 - 1000);
    await expect(request(deps, admin.id, 'k4', 'other', {}, { now: almostADay })).rejects.toSatisfy(reused);
    const nextDay = new Date(then.getTime() + 24 * 3600_000 + 1000);
    expect(await request(deps, admin.id, 'k4', 'other', { v: 2 }, { now: nextDay })).toBe('new');
  });

  test('keys are per user', async ({ deps, admin, api }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    expect(await request(deps, admin.id, 'k5', 'h', {})).toBe('new');
    expect(await request(deps, manager.id, 'k5', 'other', {})).toBe('new');
  });
});
