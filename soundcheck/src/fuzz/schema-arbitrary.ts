import fc from 'fast-check';
import type { Schema } from './spec.ts';

/** A schema the generator cannot produce values for; the operation is listed as skipped with `reason`. */
export class Ungeneratable extends Error {
  override name = 'Ungeneratable';
}

/** Generated strings stay short unless the schema asks for more: bodies are for finding bugs, not load. */
const DEFAULT_MAX_LENGTH = 40;
const DEFAULT_EXTRA_ITEMS = 3;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const numberOr = (value: unknown, fallback: number): number =>
  typeof value === 'number' ? value : fallback;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const dates = fc.date({
  min: new Date('1950-01-01T00:00:00Z'),
  max: new Date('2099-12-31T00:00:00Z'),
  noInvalidDate: true,
});

function formatted(format: string): fc.Arbitrary<string> | null {
  switch (format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return dates.map(isoDate);
    case 'date-time':
      return dates.map((date) => date.toISOString());
    case 'email':
      return fc.emailAddress().filter((email) => email.length <= 254);
    case 'uri':
    case 'url':
      return fc.webUrl();
    case 'ipv4':
      return fc.ipV4();
    default:
      return null;
  }
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const minLength = numberOr(schema.minLength, 0);
  const maxLength = numberOr(schema.maxLength, Math.max(minLength, DEFAULT_MAX_LENGTH));
  const fits = (value: string): boolean => [...value].length >= minLength && [...value].length <= maxLength;
  const format = typeof schema.format === 'string' ? formatted(schema.format) : null;
  if (format) return format.filter(fits);
  if (typeof schema.pattern === 'string') {
    let pattern: RegExp;
    try {
      pattern = new RegExp(schema.pattern, 'u');
    } catch {
      throw new Ungeneratable(`pattern ${schema.pattern} is not a regular expression this generator reads`);
    }
    const base = fc.stringMatching(pattern, { size: 'xsmall' });
    // An unanchored pattern (e.g. "\S") only needs to occur: pad around a match to reach the lengths.
    return base
      .chain((match) =>
        fits(match)
          ? fc.constant(match)
          : fc
              .string({
                minLength: Math.max(0, minLength - match.length),
                maxLength: Math.max(0, maxLength - match.length),
              })
              .map((pad) => match + pad),
      )
      .filter((value) => fits(value) && pattern.test(value));
  }
  return fc.string({ unit: 'grapheme', minLength, maxLength }).filter(fits);
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const exclusiveMin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const exclusiveMax = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  if (integer) {
    const min =
      exclusiveMin !== undefined ? Math.floor(exclusiveMin) + 1 : numberOr(schema.minimum, -1_000_000);
    const max =
      exclusiveMax !== undefined ? Math.ceil(exclusiveMax) - 1 : numberOr(schema.maximum, 1_000_000);
    if (min > max) throw new Ungeneratable(`no integer between ${min} and ${max}`);
    return fc.integer({ min, max });
  }
  return fc.double({
    min: exclusiveMin ?? numberOr(schema.minimum, -1e9),
    max: exclusiveMax ?? numberOr(schema.maximum, 1e9),
    minExcluded: exclusiveMin !== undefined,
    maxExcluded: exclusiveMax !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

function arrayArbitrary(schema: Schema): fc.Arbitrary<unknown[]> {
  const items = isSchema(schema.items) ? arbitraryFor(schema.items) : fc.jsonValue({ maxDepth: 1 });
  const minLength = numberOr(schema.minItems, 0);
  const maxLength = numberOr(schema.maxItems, minLength + DEFAULT_EXTRA_ITEMS);
  if (schema.uniqueItems === true)
    return fc.uniqueArray(items, { minLength, maxLength, selector: (value) => JSON.stringify(value) });
  return fc.array(items, { minLength, maxLength });
}

function objectArbitrary(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required)
    ? schema.required.filter((key): key is string => typeof key === 'string')
    : [];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties))
    if (isSchema(property)) model[key] = arbitraryFor(property);
  for (const key of required) model[key] ??= fc.jsonValue({ maxDepth: 1 });
  return fc.record(model, { requiredKeys: required.filter((key) => key in model) });
}

function typeOf(schema: Schema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (schema.properties || schema.required) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

/** A fast-check arbitrary of values valid against `schema` (callers re-check with ajv: it is best effort). */
export function arbitraryFor(schema: Schema): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) {
    if (schema.enum.length === 0) throw new Ungeneratable('an empty enum has no values');
    return fc.constantFrom(...(schema.enum as unknown[]));
  }
  const branches = (
    Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null
  ) as unknown[] | null;
  if (branches)
    return fc.oneof(
      ...branches
        .filter(isSchema)
        .map((branch) => arbitraryFor({ ...schema, anyOf: undefined, oneOf: undefined, ...branch })),
    );
  if (Array.isArray(schema.allOf)) {
    const merged = Object.assign({}, ...schema.allOf.filter(isSchema), {
      ...schema,
      allOf: undefined,
    }) as Schema;
    return arbitraryFor(merged);
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type): type is string => typeof type === 'string');
    return fc.oneof(...types.map((type) => arbitraryFor({ ...schema, type })));
  }
  if (schema.not !== undefined) throw new Ungeneratable('"not" schemas are not generated');
  switch (typeOf(schema)) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArbitrary(schema);
    case 'object':
      return objectArbitrary(schema);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
