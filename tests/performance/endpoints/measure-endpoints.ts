import { defineScenario, runLoad } from 'soundcheck/load/index.ts';
import type { PerfFigure } from 'soundcheck/perf/history/perf-figures.ts';
import type { Call } from './operation-recipes.ts';

/** One measured call: its operation, what it sends, and the 2xx the target documents for the operation. */
export interface Measured extends Call {
  operation: string;
  expect: number;
}

/** One row of the report's table. */
export interface EndpointRow {
  operation: string;
  samples: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  budget: number | null;
  verdict: 'within' | 'over' | 'unmeasured';
  /** Why an operation has no figure (its preparation failed, or its answers were not its success). */
  note?: string;
}

const r1 = (value: number) => Math.round(value * 10) / 10;

/** Round-robin over operations, so every operation meets the same moments of a busy machine. */
export function interleave(calls: Measured[][]): Measured[] {
  const order: Measured[] = [];
  const longest = Math.max(0, ...calls.map((list) => list.length));
  for (let round = 0; round < longest; round++)
    for (const list of calls) {
      const call = list[round];
      if (call) order.push(call);
    }
  return order;
}

/**
 * Sends `calls` in order at `rate` per second (open model: each at its intended time, whether or not the
 * previous one has answered) through the load engine, each recorded under its operation. A call answered
 * otherwise than its success is an iteration error naming it: its latency is not the operation's.
 */
export async function measure(target: string, calls: Measured[], rate: number) {
  const wrong: Array<{ operation: string; status: number }> = [];
  let next = 0;
  const scenario = defineScenario({
    name: 'endpoints',
    executor: {
      type: 'constant-arrival-rate',
      rate,
      duration: `${Math.ceil(calls.length / rate)}s`,
      maxVUs: 30,
    },
    async iteration(ctx) {
      const call = calls[next++];
      if (!call) return;
      const client = ctx.named(call.operation);
      const request = typeof call.request === 'function' ? call.request() : call.request;
      const response = await (call.by ? client.as(call.by) : client).request(request);
      if (response.status !== call.expect) {
        wrong.push({ operation: call.operation, status: response.status });
        throw new Error(`${call.operation} answered ${response.status}, not ${call.expect}`);
      }
    },
  });
  const result = await runLoad(scenario, { target, maxRequests: calls.length + 10 });
  return { result, wrong };
}

/** The table: per operation its service-time percentiles against its budget, or why it has none. */
export function endpointTable(
  operations: string[],
  result: Awaited<ReturnType<typeof measure>>,
  budgetOf: (operation: string) => number | undefined,
  unmeasured: Map<string, string>,
): EndpointRow[] {
  const byName = new Map(result.result.summary.byName.map((stats) => [stats.name, stats]));
  return operations.map((operation): EndpointRow => {
    const budget = budgetOf(operation) ?? null;
    const stats = byName.get(operation);
    const wrong = result.wrong
      .filter((answer) => answer.operation === operation)
      .map((answer) => answer.status);
    const note =
      unmeasured.get(operation) ??
      (wrong.length ? `answered ${wrong.join(', ')} instead of the documented success` : undefined);
    if (!stats || note)
      return {
        operation,
        samples: stats?.requests ?? 0,
        p50: null,
        p95: null,
        p99: null,
        budget,
        verdict: 'unmeasured',
        note: note ?? 'no answer recorded',
      };
    const p95 = r1(stats.service.p95);
    return {
      operation,
      samples: stats.requests,
      p50: r1(stats.service.p50),
      p95,
      p99: r1(stats.service.p99),
      budget,
      verdict: budget !== null && p95 <= budget ? 'within' : 'over',
    };
  });
}

/** The history's figures: p50/p95/p99 per measured operation, labelled `endpoints <operation>`. */
export function endpointFigures(rows: EndpointRow[]): PerfFigure[] {
  return rows.flatMap((row) =>
    row.p50 === null || row.p95 === null || row.p99 === null
      ? []
      : [
          { name: 'perf_p50_ms', label: `endpoints ${row.operation}`, value: row.p50 },
          { name: 'perf_p95_ms', label: `endpoints ${row.operation}`, value: row.p95 },
          { name: 'perf_p99_ms', label: `endpoints ${row.operation}`, value: row.p99 },
        ],
  );
}
