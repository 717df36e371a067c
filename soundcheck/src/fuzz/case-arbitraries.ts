import fc from 'fast-check';
import { negativeProbes, type Probe } from './boundaries.ts';
import { type FuzzCase, type Phase, wireHeaderValue } from './fuzz-case.ts';
import { arbitraryFor } from './schema-arbitrary.ts';
import type { Operation, Schema } from './spec.ts';

/** One spot of a request a probe can be put in: a parameter, or a property path inside the body. */
export interface Slot {
  where: 'path' | 'query' | 'header' | 'body';
  /** The parameter name, or the property path in the body ([] = the whole body). */
  path: string[];
  schema: Schema;
  required: boolean;
}

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function bodySlots(schema: Schema, path: string[], required: boolean, depth: number): Slot[] {
  const slots: Slot[] = [{ where: 'body', path, schema, required }];
  if (depth >= 3 || !isSchema(schema.properties)) return slots;
  const requiredKeys = Array.isArray(schema.required) ? schema.required : [];
  for (const [key, property] of Object.entries(schema.properties)) {
    if (isSchema(property))
      slots.push(...bodySlots(property, [...path, key], requiredKeys.includes(key), depth + 1));
  }
  return slots;
}

export function slotsOf(operation: Operation): Slot[] {
  const slots: Slot[] = operation.parameters.map((parameter) => ({
    where: parameter.in,
    path: [parameter.name],
    schema: parameter.schema,
    required: parameter.required,
  }));
  if (operation.body) slots.push(...bodySlots(operation.body.schema, [], operation.body.required, 0));
  return slots;
}

export const slotName = (slot: Slot): string => [slot.where, ...slot.path].join('.');

/** Path parameters: known ids (from the pool) three times in four, else generated from the schema. */
function pathParams(
  operation: Operation,
  fillings: Array<Record<string, string>>,
): fc.Arbitrary<Record<string, string>> {
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const parameter of operation.parameters.filter((p) => p.in === 'path'))
    model[parameter.name] = arbitraryFor(parameter.schema).map((value) =>
      typeof value === 'string' ? value : JSON.stringify(value),
    );
  const generated = fc.record(model);
  if (fillings.length === 0) return generated;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...fillings), weight: 3 },
    { arbitrary: generated, weight: 1 },
  );
}

function parametersIn(
  operation: Operation,
  where: 'query' | 'header',
): fc.Arbitrary<Record<string, unknown>> {
  const chosen = operation.parameters.filter((p) => p.in === where);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const parameter of chosen) model[parameter.name] = arbitraryFor(parameter.schema);
  return fc.record(model, { requiredKeys: chosen.filter((p) => p.required).map((p) => p.name) });
}

/** Requests meant to be valid (the `fuzzing` phase's positive half). */
export function validCases(
  operation: Operation,
  fillings: Array<Record<string, string>>,
  phase: Phase,
): fc.Arbitrary<FuzzCase> {
  const body = operation.body ? arbitraryFor(operation.body.schema) : fc.constant(undefined);
  return fc
    .record({
      pathParams: pathParams(operation, fillings),
      query: parametersIn(operation, 'query'),
      headers: parametersIn(operation, 'header').map((headers) =>
        Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, wireHeaderValue(value)])),
      ),
      body,
    })
    .map(
      (parts): FuzzCase => ({
        operation: operation.id,
        phase,
        method: operation.method,
        ...parts,
        ...(operation.body ? { mediaType: operation.body.mediaType } : {}),
        auth: 'actor',
      }),
    );
}

function setAt(target: unknown, path: string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const object =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  if (value === undefined && rest.length === 0) delete object[head];
  else object[head] = setAt(object[head], rest, value);
  return object;
}

/** Puts `value` at the slot (`undefined` removes it), returning a new case. */
export function withProbe(fuzzCase: FuzzCase, slot: Slot, value: unknown, breaks: string): FuzzCase {
  const next: FuzzCase = { ...fuzzCase, breaks: `${slotName(slot)}: ${breaks}` };
  const [name = ''] = slot.path;
  const put = <T>(record: Record<string, T>, item: T | undefined): Record<string, T> => {
    const copy = { ...record };
    if (item === undefined) delete copy[name];
    else copy[name] = item;
    return copy;
  };
  if (slot.where === 'path')
    next.pathParams = put(fuzzCase.pathParams, value === undefined ? undefined : String(value));
  else if (slot.where === 'query') next.query = put(fuzzCase.query, value);
  else if (slot.where === 'header')
    next.headers = put(fuzzCase.headers, value === undefined ? undefined : wireHeaderValue(value));
  else next.body = setAt(fuzzCase.body, slot.path, value);
  return next;
}

/** The probes that break a slot: its negative values, its absence when required, an unknown property. */
export function breakingProbes(slot: Slot): Probe[] {
  const probes = negativeProbes(slot.schema);
  if (slot.required && slot.path.length > 0)
    probes.push({ value: undefined, breaks: 'missing though required' });
  if (slot.where === 'body' && slot.schema.additionalProperties === false)
    probes.push({ value: { __fuzz_unknown_property: 1 }, breaks: 'an unknown property', merge: true });
  return probes;
}

/** The case with `probe` at `slot` (an unknown-property probe is merged into the object already there). */
export function withBreakingProbe(base: FuzzCase, slot: Slot, probe: Probe): FuzzCase {
  const current = slot.path.reduce<unknown>(
    (node, key) => (isSchema(node) ? node[key] : undefined),
    base.body,
  );
  const value =
    probe.merge && slot.where === 'body' && isSchema(current)
      ? { ...current, ...(probe.value as Schema) }
      : probe.value;
  return withProbe(base, slot, value, probe.breaks);
}

/** Requests with exactly one spot broken on purpose (the `fuzzing` phase's negative half). */
export function invalidCases(
  operation: Operation,
  fillings: Array<Record<string, string>>,
): fc.Arbitrary<FuzzCase> | null {
  const probes = slotsOf(operation)
    .filter((slot) => slot.where !== 'path')
    .flatMap((slot) => breakingProbes(slot).map((probe) => ({ slot, probe })));
  if (probes.length === 0) return null;
  return fc
    .tuple(validCases(operation, fillings, 'fuzzing'), fc.constantFrom(...probes))
    .map(([valid, { slot, probe }]) => withBreakingProbe(valid, slot, probe));
}
