import { createApiClient, fetchTransport } from '../../client/http-client.ts';
import { requestName, type Scenario } from '../../load/index.ts';
import { seededRandom } from '../../load/iteration-context.ts';
import type { IterationContext } from '../../load/types.ts';
import type { Side, TrialFigures } from './abba.ts';

export interface PreparedSide {
  url: string;
  data: unknown;
  /** The API process's CPU time so far (ms), when the gate measures CPU instead of latency. */
  cpu?: (() => number) | null;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * One trial pair of the gate: the scenario's iterations run one at a time for `durationMs`, alternating
 * between the two APIs in ABBA order iteration by iteration (A B B A A B B A…, starting with `first`).
 * On a shared machine the load of other work changes from second to second; alternating every few
 * milliseconds exposes both APIs to the same moments, so their ratio keeps what the code changed and
 * loses most of what the machine did. Per request name and side the figure is the median latency (ms, from
 * send to the end of the body) — or, when the side has a `cpu` reader, the median CPU time the API spent; a name with any answer ≥ 400 or a transport error gets NaN (not counted).
 */
export async function interleavedTrial(
  scenario: Scenario<unknown>,
  sides: Record<Side, PreparedSide>,
  durationMs: number,
  first: Side,
  seed: number,
): Promise<Record<Side, TrialFigures>> {
  const samples: Record<Side, Map<string, number[]>> = { baseline: new Map(), candidate: new Map() };
  const failed: Record<Side, Set<string>> = { baseline: new Set(), candidate: new Set() };
  const random = seededRandom(seed);
  const contexts = Object.fromEntries(
    (['baseline', 'candidate'] as const).map((side) => {
      const record = (name: string, status: number, ms: number) => {
        if (status >= 400) failed[side].add(name);
        const list = samples[side].get(name) ?? [];
        list.push(ms);
        samples[side].set(name, list);
      };
      const { url, cpu } = sides[side];
      const transport = fetchTransport(url);
      const client = (fixed?: string) =>
        createApiClient(async (request) => {
          const before = cpu?.() ?? 0;
          const started = performance.now();
          const response = await transport(request);
          const ms = cpu ? cpu() - before : performance.now() - started;
          record(fixed ?? requestName(request.method, request.path), response.status, ms);
          return response;
        });
      return [
        side,
        (iteration: number): IterationContext => ({
          http: client(),
          baseUrl: sides[side].url,
          env: process.env,
          vu: 1,
          iteration,
          scenario: scenario.name,
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          random,
          pick: <T>(pool: readonly T[]) => pool[Math.floor(random() * pool.length)] as T,
          named: (name) => client(name),
        }),
      ];
    }),
  ) as Record<Side, (iteration: number) => IterationContext>;
  const second: Side = first === 'baseline' ? 'candidate' : 'baseline';
  const pattern: Side[] = [first, second, second, first];
  const deadline = performance.now() + durationMs;
  for (let iteration = 0; performance.now() < deadline; iteration++) {
    const side = pattern[iteration % 4]!;
    try {
      await scenario.iteration(contexts[side](iteration), sides[side].data);
    } catch {
      // A transport error or a failed check: that iteration's names do not count for this side.
      for (const name of samples[side].keys()) failed[side].add(name);
    }
  }
  const figures = (side: Side): TrialFigures =>
    new Map(
      [...samples[side]].map(([name, values]) => [
        name,
        failed[side].has(name) ? Number.NaN : median(values),
      ]),
    );
  return { baseline: figures('baseline'), candidate: figures('candidate') };
}
