import { readFile } from 'node:fs/promises';

/** A JSON Schema as OpenAPI 3.1 carries it (draft 2020-12); only what the fuzzer reads is typed. */
export type Schema = { [keyword: string]: unknown };

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface ResponseSpec {
  /** Media type → schema (`{}` when the spec gives none). */
  content: Record<string, Schema>;
}

/** One operation of the document, its `$ref`s resolved. */
export interface Operation {
  /** `METHOD /path/{template}` — the operation's name in findings and options. */
  id: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body: { required: boolean; mediaType: string; schema: Schema } | null;
  /** Status code, `4XX`-style range or `default` → response. */
  responses: Record<string, ResponseSpec>;
  secured: boolean;
  examples: unknown[];
}

export interface ApiDocument {
  source: string;
  document: Record<string, unknown>;
  operations: Operation[];
}

/** A document the fuzzer cannot work from; `location` is a JSON pointer into it (or the source). */
export class SpecError extends Error {
  override name = 'SpecError';
  readonly location: string;

  constructor(location: string, message: string) {
    super(`${location}: ${message}`);
    this.location = location;
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const escapePointer = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** Replaces every local `$ref` by its target (a cycle is left as the `$ref` it is). */
function resolveRefs(
  root: Record<string, unknown>,
  value: unknown,
  at: string,
  seen: string[] = [],
): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => resolveRefs(root, item, `${at}/${index}`, seen));
  if (!isObject(value)) return value;
  const ref = value.$ref;
  if (typeof ref === 'string') {
    if (!ref.startsWith('#/'))
      throw new SpecError(`${at}/$ref`, `only local $refs are supported, got "${ref}"`);
    if (seen.includes(ref)) return value;
    let target: unknown = root;
    for (const raw of ref.slice(2).split('/')) {
      const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      target = isObject(target) ? target[segment] : undefined;
      if (target === undefined) throw new SpecError(`${at}/$ref`, `"${ref}" does not resolve`);
    }
    return resolveRefs(root, target, ref.slice(1), [...seen, ref]);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    out[key] = resolveRefs(root, item, `${at}/${escapePointer(key)}`, seen);
  return out;
}

function parameters(raw: unknown, at: string): Parameter[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new SpecError(at, 'parameters must be an array');
  return raw.flatMap((item, index): Parameter[] => {
    if (!isObject(item) || typeof item.name !== 'string')
      throw new SpecError(`${at}/${index}`, 'a parameter needs a name');
    if (item.in === 'cookie') return [];
    if (item.in !== 'path' && item.in !== 'query' && item.in !== 'header')
      throw new SpecError(`${at}/${index}/in`, `unknown parameter location ${String(item.in)}`);
    return [
      {
        name: item.name,
        in: item.in,
        required: item.in === 'path' || item.required === true,
        schema: isObject(item.schema) ? item.schema : {},
      },
    ];
  });
}

function requestBody(raw: unknown): Operation['body'] {
  if (!isObject(raw) || !isObject(raw.content)) return null;
  const [mediaType, media] = Object.entries(raw.content)[0] ?? [];
  if (!mediaType || !isObject(media)) return null;
  return { required: raw.required === true, mediaType, schema: isObject(media.schema) ? media.schema : {} };
}

function responses(raw: unknown, at: string): Record<string, ResponseSpec> {
  if (!isObject(raw) || Object.keys(raw).length === 0)
    throw new SpecError(at, 'an operation needs responses');
  const out: Record<string, ResponseSpec> = {};
  for (const [status, response] of Object.entries(raw)) {
    const content: Record<string, Schema> = {};
    if (isObject(response) && isObject(response.content)) {
      for (const [type, media] of Object.entries(response.content))
        content[type] = isObject(media) && isObject(media.schema) ? media.schema : {};
    }
    out[status.toUpperCase()] = { content };
  }
  return out;
}

function examplesOf(raw: unknown): unknown[] {
  if (!isObject(raw) || !isObject(raw.content)) return [];
  const media = Object.values(raw.content)[0];
  if (!isObject(media)) return [];
  const found: unknown[] = [];
  if (media.example !== undefined) found.push(media.example);
  if (isObject(media.examples))
    for (const example of Object.values(media.examples))
      if (isObject(example) && 'value' in example) found.push(example.value);
  if (isObject(media.schema) && Array.isArray(media.schema.examples)) found.push(...media.schema.examples);
  return found;
}

/** Reads an OpenAPI 3.1 document (already parsed) into its operations. */
export function readDocument(source: string, raw: unknown): ApiDocument {
  if (!isObject(raw)) throw new SpecError(source, 'not a JSON object');
  if (typeof raw.openapi !== 'string' || !raw.openapi.startsWith('3.'))
    throw new SpecError('#/openapi', `expected an OpenAPI 3.x version, got ${JSON.stringify(raw.openapi)}`);
  if (!isObject(raw.paths)) throw new SpecError('#/paths', 'missing or not an object');
  const globalSecurity = Array.isArray(raw.security) && raw.security.length > 0;
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(raw.paths)) {
    const at = `#/paths/${escapePointer(path)}`;
    const item = resolveRefs(raw, rawItem, at);
    if (!isObject(item)) throw new SpecError(at, 'a path item must be an object');
    const shared = parameters(item.parameters, `${at}/parameters`);
    for (const method of METHODS) {
      const op = item[method];
      if (op === undefined) continue;
      const opAt = `${at}/${method}`;
      if (!isObject(op)) throw new SpecError(opAt, 'an operation must be an object');
      const own = parameters(op.parameters, `${opAt}/parameters`);
      const merged = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: merged,
        body: requestBody(op.requestBody),
        responses: responses(op.responses, `${opAt}/responses`),
        secured: Array.isArray(op.security) ? op.security.length > 0 : globalSecurity,
        examples: examplesOf(op.requestBody),
      });
    }
  }
  return { source, document: raw, operations };
}

/** Loads a document from a file path or an http(s) URL; any failure is a `SpecError` naming where. */
export async function loadDocument(source: string): Promise<ApiDocument> {
  let text: string;
  try {
    if (/^https?:\/\//.test(source)) {
      const response = await fetch(source);
      if (!response.ok) throw new Error(`answered ${response.status}`);
      text = await response.text();
    } else {
      text = await readFile(source, 'utf8');
    }
  } catch (error) {
    throw new SpecError(source, `cannot read the spec: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SpecError(source, `not JSON: ${(error as Error).message}`);
  }
  return readDocument(source, parsed);
}
