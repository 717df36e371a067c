import {
  type ApiClient,
  type ApiRequest,
  createApiClient,
  fetchTransport,
  type Transport,
} from '../client/http-client.ts';
import { seededRandom } from './iteration-context.ts';
import type { IterationContext, Scenario } from './types.ts';

/** One step of a dry run: a request (with the answer it got) or a think-time sleep. */
export type RecordedStep =
  | { kind: 'request'; request: ApiRequest; name: string | null; status: number; json: unknown }
  | { kind: 'sleep'; ms: number };

export interface DryRun {
  setup: RecordedStep[];
  iterations: RecordedStep[][];
}

/** A client that sends for real and writes down each request and its answer, in order. */
function recordingClient(baseUrl: string, steps: RecordedStep[], name: string | null = null): ApiClient {
  const send = fetchTransport(baseUrl);
  const transport: Transport = async (request) => {
    const response = await send(request);
    const json = typeof response.body === 'object' ? response.body : null;
    steps.push({ kind: 'request', request, name, status: response.status, json });
    return response;
  };
  return createApiClient(transport);
}

/**
 * Runs the scenario's setup and `iterations` iterations one after another against the target, recording
 * every request: the sequence a k6 script replays. Sleeps are recorded, not waited.
 */
export async function dryRun(
  scenario: Scenario<unknown>,
  baseUrl: string,
  iterations: number,
  env: Record<string, string | undefined>,
): Promise<DryRun> {
  const setupSteps: RecordedStep[] = [];
  const setup = { http: recordingClient(baseUrl, setupSteps), baseUrl, env };
  const data = scenario.setup ? await scenario.setup(setup) : undefined;
  const recorded: RecordedStep[][] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    const steps: RecordedStep[] = [];
    const random = seededRandom(iteration + 1);
    const ctx: IterationContext = {
      ...setup,
      http: recordingClient(baseUrl, steps),
      vu: 1,
      iteration,
      scenario: scenario.name,
      sleep: async (ms) => {
        steps.push({ kind: 'sleep', ms });
      },
      random,
      pick: <T>(pool: readonly T[]) => pool[Math.floor(random() * pool.length)] as T,
      named: (name) => recordingClient(baseUrl, steps, name),
    };
    await scenario.iteration(ctx, data);
    recorded.push(steps);
  }
  return { setup: setupSteps, iterations: recorded };
}
