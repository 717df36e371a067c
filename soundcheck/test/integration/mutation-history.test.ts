import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mutationView } from '../../src/analytics/mutation.ts';
import { runTrends } from '../../src/analytics/trends.ts';
import type { ModuleVerdict, Survivor } from '../../src/mutation/judge.ts';
import { recordMutationRun } from '../../src/mutation/record.ts';
import { mutationSection } from '../../src/report/mutation-section.ts';
import type { RunInfo } from '../../src/report/run-result.ts';
import {
  postgresUnavailable,
  type ThrowawayHistory,
  throwawayHistory,
} from '../support/history-databases.ts';

const run = (id: string, minute: number): RunInfo => ({
  id,
  startedAt: `2026-01-01T10:0${minute}:00.000Z`,
  finishedAt: `2026-01-01T10:0${minute}:30.000Z`,
  commit: 'c0ffee',
  branch: 'main',
  seed: 7,
  environment: 'local',
  shard: null,
  verdict: 'passed',
});
const survivor = (overrides: Partial<Survivor> = {}): Survivor => ({
  file: 'api/src/identifiers/gtin.ts',
  line: 15,
  mutator: 'BooleanLiteral',
  original: 'false',
  replacement: 'true',
  status: 'Survived',
  testsRun: 13,
  ...overrides,
});
const verdict = (module: string, scorePct: number, survivors: Survivor[]): ModuleVerdict => ({
  module,
  total: 40,
  killed: 36,
  timedOut: 0,
  survived: survivors.length,
  noCoverage: 0,
  scorePct,
  survivors,
  problems: [],
});

describe('mutation runs in the history', { tags: ['integration', 'reporting'] }, () => {
  let history: ThrowawayHistory | null = null;
  let unavailable: string | null = null;
  beforeAll(async () => {
    unavailable = await postgresUnavailable();
    if (!unavailable) history = await throwawayHistory('postgres');
  });
  afterAll(() => history?.drop());

  test('scores per module over runs, the newest survivors, and no trace in the test trends', async (ctx) => {
    if (!history) return ctx.skip(unavailable ?? 'no history database');
    const store = history.store;
    await recordMutationRun(store, run('mutation-1', 1), [
      verdict('identifiers', 80, [survivor(), survivor({ line: 16, original: 'a', replacement: 'b' })]),
      verdict('backoff', 90, [survivor({ file: 'api/src/deliveries/backoff.ts' })]),
    ]);
    await recordMutationRun(store, run('mutation-2', 2), [
      verdict('identifiers', 95, [survivor({ equivalent: 'only reachable with a 13-digit body' })]),
    ]);

    const view = await mutationView(store.sql);
    expect(view.runs).toBe(2);
    expect(view.modules).toEqual([
      { module: 'backoff', scores: [90, null], latestPct: 90 },
      { module: 'identifiers', scores: [80, 95], latestPct: 95 },
    ]);
    // identifiers from the newest run (one documented equivalent), backoff from the run that measured it.
    expect(view.survivors).toEqual([
      {
        module: 'backoff',
        file: 'api/src/deliveries/backoff.ts',
        mutant: 'line 15 BooleanLiteral: false → true',
        equivalent: false,
        why: 'survived 13 tests',
      },
      {
        module: 'identifiers',
        file: 'api/src/identifiers/gtin.ts',
        mutant: 'line 15 BooleanLiteral: false → true',
        equivalent: true,
        why: null,
      },
    ]);
    expect(await runTrends(store.sql)).toEqual([]);

    const section = mutationSection(view).html;
    expect(section).toContain('identifiers');
    expect(section).toContain('Surviving mutants <span class="pill">1</span>');
    expect(section).toContain('1 documented equivalents');
  });
});
