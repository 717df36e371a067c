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
