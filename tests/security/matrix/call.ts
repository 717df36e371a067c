import { ACTORS } from './actors.ts';
import type { Call } from './expected-outcome.ts';
import { operationPolicy } from './operation-policy.ts';
import { kindOf, readActionOf } from './scenes.ts';

/** An operation id (`POST /v1/releases/{id}/approve`) read as a call: its method, template, kind and policy. */
export function callOf(operation: string): Call {
  const [method = '', template = ''] = operation.split(' ');
  const policy = operationPolicy[operation];
  if (!policy) throw new Error(`${operation} has no row in operation-policy.ts`);
  return { method, template, kind: kindOf(template), policy };
}

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

/** Every operation of the group × every actor. */
export const cellsOf = (group: Group) =>
  Object.keys(operationPolicy)
    .filter((operation) => groupOf(operation) === group)
    .flatMap((operation) => ACTORS.map((actor) => [operation, actor] as const));
