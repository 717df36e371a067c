import { readFileSync } from 'node:fs';

/** The reviewed p95 budgets, one per operation of /openapi.json (`budgets.json` beside this file). */
export interface Budgets {
  operations: Record<string, { p95Ms: number }>;
}

export function loadBudgets(): Budgets {
  return JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8')) as Budgets;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** `GET /v1/releases/{id}` for every operation of an OpenAPI document. */
export function operationsOf(document: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    methods.filter((method) => method in item).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

const shape = (operation: string) => operation.replace(/\{[^}]+\}/g, '{}');

/**
 * The budgeted operation a load-engine request name stands for: `PUT /v1/releases/{id}/tracks/{id}/audio`
 * is `PUT /v1/releases/{id}/tracks/{trackId}/audio`. Undefined for a name no operation matches.
 */
export function operationOf(requestName: string, budgets = loadBudgets()): string | undefined {
  return Object.keys(budgets.operations).find((operation) => shape(operation) === shape(requestName));
}
