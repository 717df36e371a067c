import { rssMiB } from './processes.ts';
import type { Goal, RouteFigures } from './report.ts';
import type { Route } from './routes.ts';
import { runWrk } from './wrk.ts';

const READ = 'GET /v1/releases/{id}';
const ME = 'GET /v1/me';

/** `route` with a pause per connection, for a rate near `rps`. */
function atRate(route: Route, rps: number, seconds: number): ReturnType<typeof runWrk> {
  // A ~20 ms pause per connection keeps wrk's millisecond rounding small against the cycle.
  const connections = Math.max(1, Math.round((rps * 20) / 1000));
  const delayMs = Math.max(1, Math.round((connections * 1000) / rps));
  return runWrk({ ...route.load(seconds, connections), delayMs });
}

/** Drives `route` until `total` requests have been answered since the start; returns the count reached. */
function driveTo(route: Route, done: number, total: number, connections: number): number {
  let count = done;
  while (count < total) {
    const run = runWrk(route.load(2, connections));
    if (run.unexpected || run.socketErrors)
      throw new Error(
        `memory phase: ${run.unexpected} unexpected answers, ${run.socketErrors} socket errors`,
      );
    count += run.requests;
  }
  return count;
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
export function measureGoals(
  figures: RouteFigures[],
  routes: Route[],
  options: GoalOptions,
): { goals: Goal[]; failed: number } {
  const goals: Goal[] = [];
  const me = figures.find((row) => row.name === ME);
  if (me)
    goals.push({ what: `${ME} ≥ 0.6× reference`, seen: `${me.ratio.toFixed(2)}×`, met: me.ratio >= 0.6 });
  const read = figures.find((row) => row.name === READ);
  const readRoute = routes.find((route) => route.name === READ);
  if (!read || !readRoute) return { goals, failed: 0 };
  goals.unshift({
    what: `${READ} ≥ 0.5× reference`,
    seen: `${read.ratio.toFixed(2)}×`,
    met: read.ratio >= 0.5,
  });

  console.log(`▸ ${READ} at 60% of its capacity (${(read.rps * 0.6).toFixed(0)} req/s)`);
  const bounded = atRate(readRoute, read.rps * 0.6, options.seconds * 2);
  console.log(
    `  achieved ${bounded.rps.toFixed(0)} req/s, p50 ${bounded.p50Ms.toFixed(2)} ms, p99 ${bounded.p99Ms.toFixed(2)} ms`,
  );
  goals.push({
    what: `${READ} p99 < 10 ms at 60% of capacity`,
    seen: `${bounded.p99Ms.toFixed(2)} ms at ${bounded.rps.toFixed(0)} req/s`,
    met: bounded.p99Ms < 10,
  });
  if (options.memoryRequests > 0) {
    const total = options.memoryRequests.toLocaleString('en-US');
    console.log(`▸ ${READ}: API RSS after 10,000 and ${total} requests`);
    const tenK = driveTo(readRoute, 0, 10_000, options.connections);
    const rssTenK = rssMiB(options.apiPid);
    const end = driveTo(readRoute, tenK, options.memoryRequests, options.connections);
    const rssEnd = rssMiB(options.apiPid);
    const growth = (rssEnd - rssTenK) / rssTenK;
    goals.push({
      what: `RSS after ${total} requests within 10% of after 10,000`,
      seen: `${rssTenK.toFixed(0)} MiB after ${tenK}, ${rssEnd.toFixed(0)} MiB after ${end} (${(growth * 100).toFixed(1)}%)`,
      met: growth <= 0.1,
    });
  }
  return { goals, failed: bounded.unexpected + bounded.socketErrors };
}
