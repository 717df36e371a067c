import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isScenario } from './define-scenario.ts';
import { LoadConfigError } from './durations.ts';
import type { Scenario } from './types.ts';

/** Imports a scenario file and returns the scenario it exports (by `name` when it exports several). */
export async function loadScenarioFile(file: string, name?: string): Promise<Scenario<unknown>> {
  const absolute = path.resolve(file);
  if (!existsSync(absolute))
    throw new LoadConfigError(`${file} does not exist; pass a scenario file or a URL`);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof LoadConfigError) throw error;
    throw new LoadConfigError(`${file} does not load: ${(error as Error).message.split('\n')[0]}`);
  }
  const scenarios = Object.values(module).filter(isScenario);
  const unique = [...new Set(scenarios)];
  if (unique.length === 0)
    throw new LoadConfigError(`${file} exports no scenario; export default defineScenario({ … }) from it`);
  if (name !== undefined) {
    const named = unique.find((scenario) => scenario.name === name);
    if (!named)
      throw new LoadConfigError(
        `${file} has no scenario "${name}"; it has ${unique.map((s) => s.name).join(', ')}`,
      );
    return named;
  }
  if (unique.length > 1)
    throw new LoadConfigError(
      `${file} exports ${unique.map((s) => s.name).join(', ')}; choose one with --scenario`,
    );
  return unique[0] as Scenario<unknown>;
}
