import { policyTable } from '@soundcheck/api/policy/table.ts';
import { readDocument } from 'soundcheck/fuzz/spec.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { groupOf } from './call.ts';
import { operationPolicy } from './operation-policy.ts';
import { recipes } from './requests.ts';

const special = new Set(['public', 'signed-in', 'partner-signature']);

describe('the authorization matrix covers the API', { tags: ['security', 'tenancy'] }, () => {
  test('every operation of /openapi.json has a row, every row an operation, every action a policy row', async ({
    api,
  }) => {
    const { operations } = readDocument('/openapi.json', (await api.get('/openapi.json')).body);
    const served = operations.map((op) => op.id).sort();
    expect(Object.keys(operationPolicy).sort()).toEqual(served);
    const unknownActions = Object.values(operationPolicy).filter(
      (policy) => !special.has(policy) && !(policy in policyTable),
    );
    expect(unknownActions).toEqual([]);
  });

  test('an operation the spec secures needs a token, and only those the matrix calls public do not', async ({
    api,
  }) => {
    const { operations } = readDocument('/openapi.json', (await api.get('/openapi.json')).body);
    const open = operations
      .filter((op) => !op.secured)
      .map((op) => op.id)
      .sort();
    const openByMatrix = Object.entries(operationPolicy)
      .filter(([, policy]) => policy === 'public' || policy === 'partner-signature')
      .map(([id]) => id)
      .sort();
    expect(open).toEqual(openByMatrix);
  });

  test('every operation falls in a matrix file, and one that takes a body has a request recipe for it', async ({
    api,
  }) => {
    const { operations } = readDocument('/openapi.json', (await api.get('/openapi.json')).body);
    expect(operations.filter((op) => !groupOf(op.id)).map((op) => op.id)).toEqual([]);
    const withoutRecipe = operations.filter((op) => op.body && !recipes[op.id]?.extra).map((op) => op.id);
    expect(withoutRecipe).toEqual([]);
  });
});
