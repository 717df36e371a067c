import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isScenario } from './define-scenario.ts';
import { LoadConfigError } from './durations.ts';
import type { Scenario } from './types.ts';

/**
 * Imports a scenario file and returns the scenarios it exports: all of them (run side by side), or
 * those `names` picks (`--scenario a,b`).
 */
export async function loadScenarios(file: string, names?: string[]): Promise<Array<Scenario<unknown>>> {
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
  const unique = [...new Set(Object.values(module).filter(isScenario))];
  if (unique.length === 0)
    throw new LoadConfigError(`${file} exports no scenario; export default defineScenario({ … }) from it`);
  if (new Set(unique.map((s) => s.name)).size < unique.length)
    throw new LoadConfigError(`${file} exports two scenarios of the same name; give each its own name`);
  if (names === undefined) return unique;
  return names.map((name) => {
    const named = unique.find((scenario) => scenario.name === name);
    if (!named)
      throw new LoadConfigError(
        `${file} has no scenario "${name}"; it has ${unique.map((s) => s.name).join(', ')}`,
      );
    return named;
  });
}

/** The one scenario of a file (by `name` when it exports several). */
export async function loadScenarioFile(file: string, name?: string): Promise<Scenario<unknown>> {
  const scenarios = await loadScenarios(file, name === undefined ? undefined : [name]);
  if (scenarios.length > 1)
    throw new LoadConfigError(
      `${file} exports ${scenarios.map((s) => s.name).join(', ')}; choose one with --scenario`,
    );
  return scenarios[0] as Scenario<unknown>;
}
