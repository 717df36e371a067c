import type { Scenario } from './types.ts';

/** A bare URL as a scenario: each iteration GETs its path, named by its route template. */
export function urlScenario(url: string): Scenario<unknown> {
  const { pathname, search } = new URL(url);
  return {
    name: 'url',
    executor: { type: 'max-throughput', duration: '10s' },
    iteration: async ({ http }) => {
      await http.get(pathname + search);
    },
  };
}
