import { driveLoad } from './drive.ts';
import { rssMiB } from './processes.ts';
import type { Goal, RouteFigures } from './report.ts';
import type { Route } from './routes.ts';

const READ = 'GET /v1/releases/{id}';
const ME = 'GET /v1/me';

/** `count` more requests of `route` (each VU an equal share, closed loop); throws on any bad answer. */
async function driveMore(route: Route, count: number, connections: number): Promise<number> {
  const vus = Math.min(connections, count);
  const iterations = Math.ceil(count / vus);
  const run = await driveLoad(
    route.load(),
    { type: 'per-vu-iterations', vus, iterations, maxDuration: '30m' },
    connections,
  );
  if (run.unexpected || run.socketErrors)
    throw new Error(`memory phase: ${run.unexpected} unexpected answers, ${run.socketErrors} socket errors`);
  return run.requests;
}

/** The figures of the goal runs, for the history: the 60% run and, unless skipped, the memory one. */
export interface GoalFigures {
  atRate: { rate: number; p99Ms: number; dropped: number };
  memory: { rssTenK: number; rssEnd: number; growth: number } | null;
}

export interface GoalOptions {
  seconds: number;
  connections: number;
  memoryRequests: number;
  apiPid: number;
}

/**
 * The goals of issue #17 for the routes measured: the ratios of GET /v1/releases/{id} and GET /v1/me, then
 * (with GET /v1/releases/{id}) its p99 at 60% of its measured rate and the API's RSS after 10k and more
 * requests. `failed` counts unexpected answers of these extra runs.
 */
export async function measureGoals(
  figures: RouteFigures[],
  routes: Route[],
  options: GoalOptions,
): Promise<{ goals: Goal[]; failed: number; figures: GoalFigures | null }> {
  const goals: Goal[] = [];
  const me = figures.find((row) => row.name === ME);
  if (me)
    goals.push({ what: `${ME} ≥ 0.6× reference`, seen: `${me.ratio.toFixed(2)}×`, met: me.ratio >= 0.6 });
  const read = figures.find((row) => row.name === READ);
  const readRoute = routes.find((route) => route.name === READ);
  if (!read || !readRoute) return { goals, failed: 0, figures: null };
  goals.unshift({
    what: `${READ} ≥ 0.5× reference`,
    seen: `${read.ratio.toFixed(2)}×`,
    met: read.ratio >= 0.5,
  });

  // Open model: each request starts at its intended time whether or not the last one was answered, and its
  // latency counts from that time, so a stall shows in full (coordinated omission is not hidden).
  const rate = Math.max(1, Math.round(read.rps * 0.6));
  console.log(`▸ ${READ} at 60% of its capacity: constant-arrival-rate ${rate}/s`);
  const bounded = await driveLoad(
    readRoute.load(),
    { type: 'constant-arrival-rate', rate, duration: `${options.seconds * 2}s`, maxVUs: 200 },
    options.connections,
  );
  console.log(
    `  achieved ${bounded.rps.toFixed(0)} req/s, p50 ${bounded.p50Ms.toFixed(2)} ms, p99 ${bounded.p99Ms.toFixed(2)} ms from the intended start (${bounded.serviceP99Ms.toFixed(2)} ms from the send), ${bounded.dropped} starts dropped`,
  );
  goals.push({
    what: `${READ} p99 < 10 ms at 60% of capacity`,
    seen: `${bounded.p99Ms.toFixed(2)} ms at ${bounded.rps.toFixed(0)} req/s (${bounded.dropped} dropped)`,
    met: bounded.p99Ms < 10 && bounded.dropped === 0,
  });
  let memory: GoalFigures['memory'] = null;
  if (options.memoryRequests > 10_000) {
    const total = options.memoryRequests.toLocaleString('en-US');
    console.log(`▸ ${READ}: API RSS after 10,000 and ${total} requests`);
    const tenK = await driveMore(readRoute, 10_000, options.connections);
    const rssTenK = rssMiB(options.apiPid);
    const end = tenK + (await driveMore(readRoute, options.memoryRequests - tenK, options.connections));
    const rssEnd = rssMiB(options.apiPid);
    const growth = (rssEnd - rssTenK) / rssTenK;
    goals.push({
      what: `RSS after ${total} requests within 10% of after 10,000`,
      seen: `${rssTenK.toFixed(0)} MiB after ${tenK}, ${rssEnd.toFixed(0)} MiB after ${end} (${(growth * 100).toFixed(1)}%)`,
      met: growth <= 0.1,
    });
    memory = { rssTenK, rssEnd, growth };
  }
  return {
    goals,
    failed: bounded.unexpected + bounded.socketErrors,
    figures: { atRate: { rate, p99Ms: bounded.p99Ms, dropped: bounded.dropped }, memory },
  };
}
