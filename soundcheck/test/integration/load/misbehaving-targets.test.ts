import { afterEach, describe, expect, test } from 'vitest';
import { defineScenario } from '../../../src/load/define-scenario.ts';
import type { LoadResult } from '../../../src/load/result-types.ts';
import { runLoad } from '../../../src/load/run-load.ts';
import type { ExecutorConfig, TransportOptions } from '../../../src/load/types.ts';
import {
  garbageServer,
  hangingServer,
  type LocalServer,
  resettingServer,
  slowServer,
  stallingServer,
  truncatingServer,
} from '../../support/misbehaving-servers.ts';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function load(
  target: LocalServer,
  executor: ExecutorConfig,
  transport: TransportOptions = {},
  gracefulStop = '1s',
): Promise<LoadResult> {
  server = target;
  const scenario = defineScenario({
    name: 'misbehaving',
    executor,
    transport,
    gracefulStop,
    iteration: async ({ http }) => {
      await http.get('/v1/items/12');
    },
  });
  return runLoad(scenario, { target: target.url });
}

const rate = (perSecond: number, duration = '1s'): ExecutorConfig => ({
  type: 'constant-arrival-rate',
  rate: perSecond,
  duration,
  maxVUs: 200,
});

describe('load against misbehaving targets', { tags: ['integration', 'harness', 'slow'] }, () => {
  test('a stall shows in the corrected latency even when one connection hides it from the service time', async () => {
    // Every answer waits until 600 ms after the first request: iterations intended at t wait ≈ 600 − t.
    // At 50/s for 2 s (100 starts) the 2nd-worst corrected latency (p99) is ≈ 580 ms; the one connection
    // carries one request through the stall, so the service-time p99 misses it.
    // The queue drains through one connection after the stall: slow on a busy machine, so a long grace.
    const result = await load(await stallingServer(600), rate(50, '2s'), { connections: 1 }, '20s');
    const { corrected, service } = result.summary.overall;
    expect(result.summary.overall.requests).toBe(100);
    expect(corrected.p99).toBeGreaterThan(540);
    // Above it, only the queue drained through the one connection afterwards (slow on a busy machine).
    expect(corrected.p99).toBeLessThan(3000);
    expect(service.p99).toBeLessThan(corrected.p99 / 2);
    expect(corrected.max).toBeGreaterThanOrEqual(service.max);
  }, 40_000);

  test('a slow target: every corrected latency is at least its delay', async () => {
    const result = await load(await slowServer(80), rate(20));
    expect(result.summary.overall.corrected.min).toBeGreaterThanOrEqual(79);
    expect(result.summary.overall.errors.byStatusClass['2xx']).toBe(20);
  });

  test('a resetting target is counted as resets, each iteration failed, the run completes', async () => {
    const result = await load(await resettingServer(), rate(20));
    expect(result.summary.overall.errors.byKind.reset).toBe(20);
    expect(result.summary.iterations).toMatchObject({ started: 20, failed: 20, completed: 0 });
    expect(result.summary.iterationErrors[0]?.count).toBe(20);
  });

  test('a hanging target gives timeouts, and the clock keeps going: every second of the run is reported', async () => {
    const result = await load(await hangingServer(), rate(10, '2s'), { timeout: '300ms' });
    expect(result.summary.overall.errors.byKind.timeout).toBe(20);
    expect(result.timeSeries.length).toBeGreaterThanOrEqual(2);
    // A hanging answer must not hold the schedule up: both seconds start iterations, all 20 start. Which
    // second an iteration due near a boundary falls in is the machine's business ([11, 9] seen at load 4).
    const started = result.timeSeries.map((point) => point.achievedRate);
    expect(
      started.slice(0, 2).every((count) => count >= 5),
      `started per second: ${started}`,
    ).toBe(true);
    expect(started.reduce((sum, count) => sum + count, 0)).toBe(20);
  });

  test('garbage instead of HTTP is a protocol error', async () => {
    const result = await load(await garbageServer(), rate(10));
    expect(result.summary.overall.errors.byKind.protocol).toBe(10);
    expect(result.summary.overall.failed).toBe(10);
  });

  test('a body cut short is an error of its own kind, not an answer', async () => {
    const result = await load(await truncatingServer(), rate(10));
    const { byKind, byStatusClass } = result.summary.overall.errors;
    expect(byKind.reset + byKind.protocol).toBe(10);
    expect(byStatusClass['2xx']).toBe(0);
  });

  test('iterations that outlive the graceful stop are interrupted, and the run still ends', async () => {
    const started = performance.now();
    const result = await load(await hangingServer(), rate(5), { timeout: '60s' });
    expect(result.summary.iterations).toMatchObject({ started: 5, interrupted: 5, failed: 0 });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
