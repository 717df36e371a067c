import { describe, expect, test } from '../../utils/test.ts';
import { loadBudgets, operationsOf } from '../budgets.ts';

describe('per-endpoint budgets', { tags: ['performance'] }, () => {
  test('every operation of /openapi.json has a p95 budget, so no route slips in unmeasured', async ({
    api,
  }) => {
    const { status, body } = await api.get<{ paths: Record<string, Record<string, unknown>> }>(
      '/openapi.json',
    );
    expect(status).toBe(200);
    const budgets = loadBudgets().operations;
    const unbudgeted = operationsOf(body).filter((operation) => !(operation in budgets));
    expect(unbudgeted, 'add these to tests/performance/budgets.json').toEqual([]);
  });

  test('no budget names an operation the API no longer has', async ({ api }) => {
    const { body } = await api.get<{ paths: Record<string, Record<string, unknown>> }>('/openapi.json');
    const operations = new Set(operationsOf(body));
    const stale = Object.keys(loadBudgets().operations).filter((operation) => !operations.has(operation));
    expect(stale, 'remove these from tests/performance/budgets.json').toEqual([]);
  });

  test('every budget is a positive number of milliseconds', () => {
    for (const [operation, budget] of Object.entries(loadBudgets().operations)) {
      expect(budget.p95Ms, operation).toBeGreaterThan(0);
    }
  });
});
