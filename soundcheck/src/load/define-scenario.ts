import type { IterationContext, Journey, Scenario } from './types.ts';
import { validateScenario } from './validate.ts';

const scenarioMark = Symbol.for('soundcheck.load.scenario');

/**
 * Declares a load scenario (checked at once: a bad executor or threshold fails at import, naming the fix).
 *
 * ```ts
 * export default defineScenario({
 *   name: 'browse',
 *   executor: { type: 'constant-arrival-rate', rate: 200, duration: '30s' },
 *   setup: async ({ http }) => ({ token: … }),
 *   iteration: async ({ http }, data) => { await http.get('/v1/releases'); },
 *   thresholds: { http_req_duration: ['p(95)<50'] },
 * });
 * ```
 */
export function defineScenario<Data = undefined>(scenario: Scenario<Data>): Scenario<Data> {
  validateScenario(scenario);
  return Object.defineProperty({ ...scenario }, scenarioMark, { value: true, enumerable: false });
}

/** True for what `defineScenario` returned: how the CLI finds scenarios among a module's exports. */
export function isScenario(value: unknown): value is Scenario<unknown> {
  return typeof value === 'object' && value !== null && scenarioMark in value;
}

/** An iteration that runs one journey per iteration, drawn by weight with the iteration's seeded random. */
export function journeys<Data>(
  mix: Array<Journey<Data>>,
): (ctx: IterationContext, data: Data) => Promise<void> {
  const total = mix.reduce((sum, journey) => sum + journey.weight, 0);
  if (!(total > 0)) throw new Error('journeys() needs at least one journey with a weight > 0');
  return (ctx, data) => {
    let draw = ctx.random() * total;
    for (const journey of mix) {
      draw -= journey.weight;
      if (draw < 0) return journey.run(ctx, data);
    }
    return (mix.at(-1) as Journey<Data>).run(ctx, data);
  };
}
