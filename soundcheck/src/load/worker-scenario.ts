import { loadScenarioFile } from './scenario-file.ts';
import type { Scenario } from './types.ts';
import { urlScenario } from './url-scenario.ts';

/** Where a worker finds the scenario's functions: the file it came from, or the URL it was made of. */
export type ScenarioSource = { file: string } | { url: string };

/** The serializable parts of the scenario as the main thread shaped it (flags applied). */
export type ScenarioOverlay = Pick<
  Scenario<unknown>,
  'name' | 'executor' | 'transport' | 'thresholds' | 'gracefulStop'
>;

/** The scenario a worker runs: its functions from the source, everything else from the main thread. */
export async function workerScenario(
  source: ScenarioSource,
  overlay: ScenarioOverlay,
): Promise<Scenario<unknown>> {
  const base = 'file' in source ? await loadScenarioFile(source.file, overlay.name) : urlScenario(source.url);
  return { ...base, ...overlay };
}

export function overlayOf(scenario: Scenario<unknown>): ScenarioOverlay {
  const { name, executor, transport, thresholds, gracefulStop } = scenario;
  return JSON.parse(
    JSON.stringify({ name, executor, transport, thresholds, gracefulStop }),
  ) as ScenarioOverlay;
}
