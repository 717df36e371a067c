import type { FuzzCase } from 'soundcheck/fuzz/fuzz-case.ts';
import { readDocument } from 'soundcheck/fuzz/spec.ts';
import { requestConforms } from 'soundcheck/fuzz/validity.ts';
import { describe, expect, test } from 'vitest';

// A false finding of the 10,000-request run: q=["fuzz"] was meant invalid (an array for a string), but a
// one-item array is sent as "q=fuzz", a valid string, so the server was right to answer 200.
describe('query values are judged as they travel', { tags: ['security', 'harness'] }, () => {
  const document = readDocument('spec', {
    openapi: '3.1.0',
    paths: {
      '/things': {
        get: { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }], responses: { 200: {} } },
      },
    },
  });
  const operation = document.operations[0];
  const withQuery = (q: unknown): FuzzCase => ({
    operation: 'GET /things',
    phase: 'fuzzing',
    method: 'GET',
    pathParams: {},
    query: { q },
    headers: {},
    auth: 'actor',
  });

  test('a one-item array is one value: valid for a string parameter; two items are not', () => {
    if (!operation) throw new Error('no operation');
    expect(requestConforms(operation, withQuery(['fuzz']))).toBe(true);
    expect(requestConforms(operation, withQuery(['fuzz', 'zz']))).toBe(false);
    expect(requestConforms(operation, withQuery('fuzz'))).toBe(true);
  });
});
