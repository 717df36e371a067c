import { Ajv, type ErrorObject, type Options } from 'ajv';
import formats from 'ajv-formats';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { FieldError } from './errors.ts';

const common: Options = {
  allErrors: true,
  removeAdditional: false,
  useDefaults: true,
  strict: false,
  // Bodies are never coerced ("2024" is not a year); query strings and params are text on the wire.
  coerceTypes: false,
};

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ ...common, ...options });
  formats.default(ajv);
  return ajv;
}

const bodyAjv = makeAjv({});
const textAjv = makeAjv({ coerceTypes: 'array' });

/**
 * The JSON pointer of the first string (or key) in `value` that holds a NUL character, else null. JSON
 * may carry one (`\u0000`), PostgreSQL's `text` cannot store it: left through, it is a 500. Iterative, as
 * a body may nest as deep as its size allows.
 */
export function nulCharacterAt(value: unknown): string | null {
  const pending: Array<[unknown, string]> = [[value, '']];
  while (pending.length > 0) {
    const [item, path] = pending.pop() as [unknown, string];
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return path;
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const at = `${path}/${key}`;
        if (key.includes('\u0000')) return at;
        pending.push([child, at]);
      }
    }
  }
  return null;
}

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * Body schemas are checked strictly; querystring, params and headers with type coercion. What passes its
 * schema must also hold no NUL character (`INVALID_CHARACTER` on the field).
 */
export function compileValidator({ schema, httpPart }: { schema: object; httpPart?: string }): Validate {
  const validate = (httpPart === 'body' ? bodyAjv : textAjv).compile(schema);
  const checked: Validate = (data) => {
    const valid = validate(data);
    const nulAt = valid ? nulCharacterAt(data) : null;
    checked.errors =
      nulAt === null
        ? validate.errors
        : [
            {
              instancePath: nulAt,
              schemaPath: '#/nul',
              keyword: 'nul',
              params: {},
              message: 'must not contain a NUL character',
            },
          ];
    return valid && nulAt === null;
  };
  return checked;
}

const keywordCodes: Record<string, string> = {
  required: 'REQUIRED',
  additionalProperties: 'UNKNOWN_PROPERTY',
  type: 'INVALID_TYPE',
  enum: 'INVALID_VALUE',
  const: 'INVALID_VALUE',
  pattern: 'INVALID_FORMAT',
  format: 'INVALID_FORMAT',
  minLength: 'TOO_SHORT',
  maxLength: 'TOO_LONG',
  minimum: 'OUT_OF_RANGE',
  maximum: 'OUT_OF_RANGE',
  minItems: 'TOO_FEW_ITEMS',
  maxItems: 'TOO_MANY_ITEMS',
  uniqueItems: 'DUPLICATE_ITEMS',
  anyOf: 'INVALID_VALUE',
  oneOf: 'INVALID_VALUE',
  nul: 'INVALID_CHARACTER',
};

function fieldOf(error: FastifySchemaValidationError | ErrorObject): string {
  const base = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const params = error.params as Record<string, unknown>;
  const child = params.missingProperty ?? params.additionalProperty;
  if (typeof child === 'string') return base ? `${base}.${child}` : child;
  return base || '(root)';
}

/** Turns ajv errors into the `errors[]` of a problem: one entry per field, the most specific first. */
export function validationErrors(
  errors: FastifySchemaValidationError[],
  context: string | undefined,
): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const field = fieldOf(error);
    if (seen.has(field)) continue;
    seen.add(field);
    const code = keywordCodes[error.keyword] ?? 'INVALID_VALUE';
    const message =
      code === 'UNKNOWN_PROPERTY'
        ? `${field} is not a known property`
        : `${field} ${error.message ?? 'is not valid'}`.trim();
    result.push({ field: context === 'body' || !context ? field : `${context}.${field}`, code, message });
  }
  return result;
}
