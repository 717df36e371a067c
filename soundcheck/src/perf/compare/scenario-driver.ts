import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createApiClient, fetchTransport } from '../../client/http-client.ts';
import { isScenario, parseDuration, type Scenario } from '../../load/index.ts';
import type { TrialDriver } from './comparison.ts';
import { GateSetupError } from './gate-error.ts';
import { interleavedTrial } from './interleaved-trial.ts';

/** The first scenario a module exports (default first), or a setup error naming the file. */
export async function importScenario(file: string): Promise<Scenario<unknown>> {
  if (!existsSync(file)) throw new GateSetupError(`no scenario file at ${file} (give one with --scenario)`);
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const found = [module.default, ...Object.values(module)].find(isScenario);
  if (!found) throw new GateSetupError(`${file} exports no scenario (export default defineScenario({ … }))`);
  return found;
}

/** Trials of a load scenario for the gate: its setup once per API, then interleaved trial pairs. */
export async function scenarioDriver(file: string, trialLength: string): Promise<TrialDriver> {
  const scenario = await importScenario(file);
  let durationMs: number;
  try {
    durationMs = parseDuration(trialLength, '--trial');
  } catch (error) {
    throw new GateSetupError((error as Error).message);
  }
  return {
    scenario: scenario.name,
    async prepare(url) {
      if (!scenario.setup) return undefined;
      return scenario.setup({ http: createApiClient(fetchTransport(url)), baseUrl: url, env: process.env });
    },
    measurePair: (sides, first, pair) => interleavedTrial(scenario, sides, durationMs, first, pair + 1),
  };
}
