import { numberOr } from './schema-arbitrary.ts';
import type { Schema } from './spec.ts';

/** A value placed at one spot of a request, and what it is meant to break (empty when meant valid). */
export interface Probe {
  value: unknown;
  breaks: string;
  /** Merged into the object already at the spot (an unknown property) instead of replacing it. */
  merge?: boolean;
}

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function types(schema: Schema): string[] {
  if (Array.isArray(schema.type))
    return schema.type.filter((type): type is string => typeof type === 'string');
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.enum))
    return [...new Set(schema.enum.map((value) => (value === null ? 'null' : typeof value)))];
  const branches = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(branches)) return [...new Set(branches.filter(isSchema).flatMap(types))];
  return [];
}

const SAMPLE_OF_TYPE: Record<string, unknown> = {
  string: 'fuzz',
  integer: 7,
  number: 7.5,
  boolean: true,
  null: null,
  // Two items: a one-item array in a query string is one value on the wire, i.e. a valid string.
  array: ['fuzz', 'zz'],
  object: { fuzz: 1 },
};

const BAD_FORMATS: Record<string, string> = {
  uuid: 'not-a-uuid',
  date: '2024-13-45',
  'date-time': 'yesterday',
  email: 'no-at-sign',
  uri: 'not a uri',
};

const text = (length: number, unit = 'a'): string => unit.repeat(Math.max(0, length));

function stringProbes(schema: Schema): Probe[] {
  const probes: Probe[] = [];
  const min = numberOr(schema.minLength, 0);
  if (min > 0) probes.push({ value: text(min - 1), breaks: `shorter than minLength ${min}` });
  if (typeof schema.maxLength === 'number')
    probes.push({ value: text(schema.maxLength + 1), breaks: `longer than maxLength ${schema.maxLength}` });
  if (typeof schema.format === 'string' && BAD_FORMATS[schema.format])
    probes.push({ value: BAD_FORMATS[schema.format], breaks: `not a ${schema.format}` });
  if (typeof schema.pattern === 'string')
    probes.push({ value: ' \u0000<>', breaks: `does not match ${schema.pattern}` });
  return probes;
}

function numberProbes(schema: Schema, integer: boolean): Probe[] {
  const probes: Probe[] = [];
  if (typeof schema.minimum === 'number')
    probes.push({ value: schema.minimum - 1, breaks: `below minimum ${schema.minimum}` });
  if (typeof schema.maximum === 'number')
    probes.push({ value: schema.maximum + 1, breaks: `above maximum ${schema.maximum}` });
  if (integer) probes.push({ value: numberOr(schema.minimum, 0) + 0.5, breaks: 'not an integer' });
  return probes;
}

/** Values meant to violate `schema` at one spot: a wrong type, out of the enum, past a bound, a bad format. */
export function negativeProbes(schema: Schema): Probe[] {
  const allowed = types(schema);
  const probes: Probe[] = [];
  if (allowed.length > 0) {
    for (const [type, value] of Object.entries(SAMPLE_OF_TYPE)) {
      const fits = allowed.includes(type) || (type === 'integer' && allowed.includes('number'));
      if (!fits) probes.push({ value, breaks: `a ${type} where ${allowed.join('|')} is expected` });
    }
  }
  if (Array.isArray(schema.enum)) probes.push({ value: 'not-in-the-enum', breaks: 'outside the enum' });
  if (allowed.includes('string')) probes.push(...stringProbes(schema));
  if (allowed.includes('integer')) probes.push(...numberProbes(schema, true));
  else if (allowed.includes('number')) probes.push(...numberProbes(schema, false));
  if (allowed.includes('array')) {
    if (typeof schema.maxItems === 'number')
      probes.push({
        value: Array(schema.maxItems + 1).fill(null),
        breaks: `more than maxItems ${schema.maxItems}`,
      });
    if (numberOr(schema.minItems, 0) > 0)
      probes.push({ value: [], breaks: `fewer than minItems ${String(schema.minItems)}` });
  }
  return probes;
}

/**
 * The coverage phase's deterministic boundaries: lengths min-1, min, min+1, max-1, max, max+1; each enum
 * value and one outside; numeric bounds and one past each. Whether each is valid is decided by ajv.
 */
export function boundaryProbes(schema: Schema): Probe[] {
  const allowed = types(schema);
  const probes: Probe[] = [];
  if (Array.isArray(schema.enum)) {
    for (const value of schema.enum) probes.push({ value, breaks: '' });
    probes.push({ value: 'not-in-the-enum', breaks: 'outside the enum' });
  }
  if (allowed.includes('string') && !schema.format && !schema.pattern && !schema.enum) {
    const min = numberOr(schema.minLength, 0);
    const lengths = new Set([min - 1, min, min + 1]);
    if (typeof schema.maxLength === 'number')
      for (const delta of [-1, 0, 1]) lengths.add(schema.maxLength + delta);
    for (const length of [...lengths].filter((n) => n >= 0))
      probes.push({ value: text(length, 'b'), breaks: `length ${length}` });
  }
  for (const bound of ['minimum', 'maximum'] as const) {
    const limit = schema[bound];
    if (typeof limit !== 'number') continue;
    const step = bound === 'minimum' ? -1 : 1;
    probes.push({ value: limit, breaks: '' }, { value: limit + step, breaks: `past ${bound} ${limit}` });
  }
  return probes;
}
