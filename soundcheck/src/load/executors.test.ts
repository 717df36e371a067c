import { describe, expect, test } from 'vitest';
import { VirtualClock } from './clock.ts';
import { defineScenario } from './define-scenario.ts';
import { runLoad } from './run-load.ts';
import { arrivalTimes, rateSegments, vuChanges } from './schedule.ts';
import type { Sender } from './sender.ts';
import type { ExecutorConfig } from './types.ts';

/** A service that answers 200 after `serviceMs` of virtual time. */
function virtualService(clock: VirtualClock, serviceMs: number): Sender {
  return async () => {
    const sentAt = clock.now();
    await clock.sleepUntil(sentAt + serviceMs);
    return { status: 200, headers: {}, text: '', body: '', sentAt };
  };
}

/** Runs `executor` on a virtual clock; returns the result and the moment each iteration started. */
async function simulate(executor: ExecutorConfig, serviceMs: number) {
  const clock = new VirtualClock();
  const starts: Array<{ vu: number; at: number }> = [];
  const scenario = defineScenario({
    name: 'virtual',
    executor,
    gracefulStop: '1s',
    iteration: async ({ http, vu }) => {
      starts.push({ vu, at: clock.now() });
      await http.get('/v1/things/7');
    },
  });
  const origin = clock.now();
  const result = await clock.run(
    runLoad(scenario, { target: 'http://127.0.0.1:9', clock, send: virtualService(clock, serviceMs) }),
  );
  return { result, starts: starts.map((start) => ({ ...start, at: start.at - origin })) };
}

describe('executors on a virtual clock', { tags: ['unit', 'harness'] }, () => {
  test('constant-arrival-rate starts every iteration at k / rate, and corrected latency is the service time', async () => {
    const { result, starts } = await simulate(
      { type: 'constant-arrival-rate', rate: 100, duration: '1s', maxVUs: 10 },
      5,
    );
    expect(starts.map((start) => start.at)).toEqual(Array.from({ length: 100 }, (_, k) => k * 10));
    expect(result.summary.iterations).toEqual({
      started: 100,
      completed: 100,
      failed: 0,
      dropped: 0,
      interrupted: 0,
    });
    expect(result.summary.byName.map((stats) => stats.name)).toEqual(['GET /v1/things/{id}']);
    expect(result.summary.overall.corrected.p99).toBeCloseTo(5, 2);
    expect(result.summary.achievedRate).toBeCloseTo(100, 5);
  });

  test('a start that finds every VU busy is dropped, not sent late', async () => {
    // Iterations every 10 ms, each 50 ms long, 2 VUs: per 50 ms two start (at 0 and 10) and three drop.
    const { result, starts } = await simulate(
      { type: 'constant-arrival-rate', rate: 100, duration: '1s', maxVUs: 2 },
      50,
    );
    expect(starts.map((start) => start.at)).toEqual(
      Array.from({ length: 40 }, (_, i) => Math.floor(i / 2) * 50 + (i % 2) * 10),
    );
    expect(result.summary.iterations.dropped).toBe(60);
    expect(result.summary.iterations.started).toBe(40);
    expect(result.summary.overall.corrected.max).toBeCloseTo(50, 1);
  });

  test('ramping-arrival-rate from 0 to 100/s over 10 s starts iteration k at √(k/5) s', () => {
    const times = [
      ...arrivalTimes(
        rateSegments({ type: 'ramping-arrival-rate', stages: [{ target: 100, duration: '10s' }] }),
      ),
    ];
    expect(times).toHaveLength(500);
    for (const [k, at] of times.entries()) expect(at).toBeCloseTo(Math.sqrt(k / 5) * 1000, 6);
  });

  test('ramping-arrival-rate stages join up: a hold after a ramp keeps the rate it reached', () => {
    const times = [
      ...arrivalTimes(
        rateSegments({
          type: 'ramping-arrival-rate',
          startRate: 10,
          timeUnit: '1s',
          stages: [
            { target: 10, duration: '1s' },
            { target: 0, duration: '2s' },
            { target: 20, duration: '500ms' },
          ],
        }),
      ),
    ];
    // 10 in the first second, 10 in the ramp down (area 10/s × 2 s / 2), 5 in the half second at 20/s.
    expect(times.filter((t) => t < 1000)).toEqual(Array.from({ length: 10 }, (_, k) => k * 100));
    expect(times.filter((t) => t >= 1000 && t < 3000)).toHaveLength(10);
    expect(times.filter((t) => t >= 3000)).toHaveLength(5);
    expect(times.at(-1)).toBeCloseTo(3000 + Math.sqrt(4 / 20) * 1000, 6);
  });

  test('constant-vus: each VU starts its next iteration when the last one ends', async () => {
    const { result, starts } = await simulate({ type: 'constant-vus', vus: 3, duration: '100ms' }, 30);
    for (const vu of [1, 2, 3])
      expect(starts.filter((s) => s.vu === vu).map((s) => s.at)).toEqual([0, 30, 60, 90]);
    expect(result.summary.iterations.started).toBe(12);
    expect(result.summary.iterations.dropped).toBe(0);
  });

  test('per-vu-iterations runs exactly the iterations asked of each VU', async () => {
    const { result, starts } = await simulate({ type: 'per-vu-iterations', vus: 4, iterations: 3 }, 7);
    expect(result.summary.iterations.completed).toBe(12);
    for (const vu of [1, 2, 3, 4])
      expect(starts.filter((s) => s.vu === vu).map((s) => s.at)).toEqual([0, 7, 14]);
  });

  test('ramping-vus adds one VU at a time across a stage and retires them on the way down', async () => {
    expect(
      vuChanges(0, [
        { target: 4, duration: '400ms' },
        { target: 2, duration: '200ms' },
      ]),
    ).toEqual([
      { atMs: 0, vus: 0 },
      { atMs: 100, vus: 1 },
      { atMs: 200, vus: 2 },
      { atMs: 300, vus: 3 },
      { atMs: 400, vus: 4 },
      { atMs: 500, vus: 3 },
      { atMs: 600, vus: 2 },
      { atMs: 600, vus: 0 },
    ]);
    const { starts } = await simulate(
      {
        type: 'ramping-vus',
        stages: [
          { target: 4, duration: '400ms' },
          { target: 2, duration: '200ms' },
        ],
      },
      50,
    );
    // VU 4 joins at 400 ms and, ramped down at 500 ms, starts nothing after it.
    expect(starts.filter((s) => s.vu === 4).map((s) => s.at)).toEqual([400, 450]);
    expect(starts.filter((s) => s.vu === 1).map((s) => s.at)[0]).toBe(100);
    expect(Math.max(...starts.filter((s) => s.vu === 2).map((s) => s.at))).toBe(550);
  });

  test('max-throughput keeps its VUs busy back to back for the duration', async () => {
    const { result } = await simulate({ type: 'max-throughput', vus: 5, duration: '1s' }, 10);
    expect(result.summary.iterations.started).toBe(500);
    expect(result.summary.overall.throughput).toBeCloseTo(500, 0);
  });
});
