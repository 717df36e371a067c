import type { ApiClient, ApiResponse } from 'soundcheck/client/http-client.ts';
import { expect } from 'vitest';
import { type contractCodes, documentedCodes } from './documented-codes.ts';

interface Problem {
  status?: number;
  code?: unknown;
  errors?: Array<{ field?: unknown; code?: unknown }>;
}

export interface RefusalExpectation {
  /** The status API.md promises, or the statuses it leaves open (400 or 422 for an address refusal). */
  status: number | readonly number[];
  /** The code API.md names for this case; when absent any code the target documents is accepted. */
  code?: (typeof contractCodes)[number];
  /** The field `errors[]` must name (dotted path; `a/b` and `a[0]` are read as `a.b`, `a.0`). */
  field?: string;
}

const dotted = (field: string) =>
  field
    .replace(/^\//, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.');

/**
 * A refusal judged by the contract: an RFC 9457 problem with the promised status, the code API.md names
 * (or else one the target documents in its `/openapi.json`), and `errors[].field` naming the field. The
 * field-level codes and the messages are the implementation's choice and are not checked.
 */
export async function expectRefusal(
  api: ApiClient,
  response: ApiResponse<unknown>,
  expected: RefusalExpectation,
): Promise<void> {
  const statuses = typeof expected.status === 'number' ? [expected.status] : expected.status;
  const what = `${response.status} ${response.text.slice(0, 300)}`;
  expect(statuses, what).toContain(response.status);
  const problem = response.body as Problem;
  expect(typeof problem.code, `a problem with a code: ${what}`).toBe('string');
  if (expected.code) expect(problem.code, what).toBe(expected.code);
  else expect(await documentedCodes(api), `${String(problem.code)} is documented`).toContain(problem.code);
  if (expected.field) {
    const fields = (problem.errors ?? []).map((error) => dotted(String(error.field)));
    expect(fields, `errors[].field names ${expected.field}: ${what}`).toContain(dotted(expected.field));
  }
}
