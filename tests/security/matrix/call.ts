import { ACTORS } from './actors.ts';
import type { Call } from './expected-outcome.ts';
import { operationPolicy } from './operation-policy.ts';
import { kindOf, readActionOf } from './scenes.ts';
import { variantRows } from './variant-rows.ts';

/**
 * A matrix row (an operation id, `POST /v1/releases/{id}/approve`, or a variant of one) read as a call: its
 * method, template, kind and policy, and what the variant adds.
 */
export function callOf(row: string): Call {
  const variant = variantRows[row];
  const operation = variant?.operation ?? row;
  const [method = '', template = ''] = operation.split(' ');
  const policy = operationPolicy[operation];
  if (!policy) throw new Error(`${operation} has no row in operation-policy.ts`);
  return { operation, method, template, kind: kindOf(template), policy, ...(variant ? { variant } : {}) };
}

/** The rows of the matrix: each operation of /openapi.json, followed by its variants. */
export const matrixRows = (): string[] =>
  Object.keys(operationPolicy).flatMap((operation) => [
    operation,
    ...Object.keys(variantRows).filter((row) => variantRows[row]?.operation === operation),
  ]);

/** A list: `GET` on a collection of resources that have a read action. */
export const isList = (call: Call) =>
  call.method === 'GET' && !call.template.includes('{') && call.kind in readActionOf;

/** A creation: `POST` on a collection (the policy is asked about the resource it would create). */
export const isCreation = (call: Call) => call.method === 'POST' && !call.template.includes('{');

/** The matrix files: each runs the cells of its group, and together they run every operation. */
export type Group = 'platform' | 'catalog' | 'workflow' | 'partners';

export function groupOf(operation: string): Group {
  const { kind, template } = callOf(operation);
  if (kind === 'partner' || kind === 'delivery' || kind === 'callback') return 'partners';
  if (
    kind === 'release' &&
    /^\/v1\/releases\/\{id\}\/[a-z-]+$/.test(template) &&
    !/\/(history|tracks|validate|artwork)$/.test(template)
  )
    return 'workflow';
  if (kind === 'none' || kind === 'lookup' || kind === 'label' || kind === 'user') return 'platform';
  return 'catalog';
}

/** Every row of the group × every actor. */
export const cellsOf = (group: Group) =>
  matrixRows()
    .filter((row) => groupOf(row) === group)
    .flatMap((row) => ACTORS.map((actor) => [row, actor] as const));
