import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FuzzCase } from './fuzz-case.ts';
import type { Operation, Schema } from './spec.ts';

function makeAjv(coerceTypes: boolean): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: false, coerceTypes, validateFormats: true });
  addFormats.default(ajv);
  return ajv;
}

const strict = makeAjv(false);
/** Parameters travel as text: "7" is a valid integer query parameter. */
const coercing = makeAjv(true);
const compiled = new WeakMap<Schema, ValidateFunction>();
const compiledParameters = new WeakMap<Schema, ValidateFunction>();

function validator(ajv: Ajv2020, schema: Schema): ValidateFunction {
  const known = compiled.get(schema);
  if (known) return known;
  const validate = ajv.compile(schema);
  compiled.set(schema, validate);
  return validate;
}

function parameterValidator(schema: Schema): ValidateFunction {
  const known = compiledParameters.get(schema);
  if (known) return known;
  const validate = coercing.compile({ type: 'object', properties: { value: schema } });
  compiledParameters.set(schema, validate);
  return validate;
}

/** Whether `value` is valid against `schema` (JSON Schema 2020-12, formats checked). */
export function conforms(schema: Schema, value: unknown): boolean {
  return validator(strict, schema)(value) === true;
}

/** The first schema error of `value`, as "path: message", or null when it conforms. */
export function schemaError(schema: Schema, value: unknown): string | null {
  const validate = validator(strict, schema);
  if (validate(value)) return null;
  const [error] = validate.errors ?? [];
  return error ? `${error.instancePath || '/'} ${error.message ?? 'is invalid'}` : 'is invalid';
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function parameterConforms(schema: Schema, value: unknown): boolean {
  // Validate the text the server receives, coerced as a server would.
  // A one-item array is sent as one value (`q=a`), so it is judged as that value.
  const wire = Array.isArray(value) && value.length === 1 ? value[0] : value;
  const holder = { value: Array.isArray(wire) ? wire.map(asText) : asText(wire) };
  return parameterValidator(schema)(holder) === true;
}

/** Whether the request the case describes is one the spec admits (what "negative" cases must not be). */
export function requestConforms(operation: Operation, fuzzCase: FuzzCase): boolean {
  for (const parameter of operation.parameters) {
    const source =
      parameter.in === 'path'
        ? fuzzCase.pathParams
        : parameter.in === 'query'
          ? fuzzCase.query
          : fuzzCase.headers;
    const value = source[parameter.name];
    if (value === undefined) {
      if (parameter.required) return false;
      continue;
    }
    if (parameter.in === 'path' && value === '') return false;
    if (!parameterConforms(parameter.schema, value)) return false;
  }
  if (operation.body) {
    if (fuzzCase.body === undefined) return !operation.body.required;
    if (!conforms(operation.body.schema, fuzzCase.body)) return false;
  }
  return true;
}
