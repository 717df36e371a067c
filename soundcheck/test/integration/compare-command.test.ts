import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openHistory } from '../../src/history/store.ts';
import { storeHistory } from '../support/constructed-history.ts';
import { soundcheckInProcess as soundcheck } from '../support/in-process-cli.ts';

describe('soundcheck compare previous latest', {
  tags: ['integration', 'reporting'],
  timeout: 60_000,
}, () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'soundcheck-compare-'));
  const dir = path.join(parent, 'history');
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  beforeAll(async () => {
    const store = await openHistory({ dir });
    try {
      await storeHistory(store, [
        { commit: 'a', tests: { keeps: 'passed', breaks: 'passed', heals: 'failed' } },
        { commit: 'b', tests: { keeps: 'passed', breaks: 'failed', heals: 'passed' } },
      ]);
      // A run still going, as another engineer's would be: it has none of the tests yet.
      await store.startRun({
        id: 'run-still-going',
        startedAt: '2026-01-01T01:00:00.000Z',
        finishedAt: null,
        commit: 'c',
        branch: 'main',
        seed: 1,
        environment: 'test',
        shard: null,
        verdict: 'running',
      });
    } finally {
      await store.close();
    }
  });

  test('compares the two newest finished runs, not a run still going', async () => {
    const child = await soundcheck(['compare', 'previous', 'latest'], {
      env: { SOUNDCHECK_HISTORY_DIR: dir },
    });
    const lines = child.stdout.split('\n').filter((line) => line && !line.startsWith('─'));
    expect([child.status, ...lines.slice(1)]).toEqual([
      1, // something broke
      'run-000 → run-001',
      'broken: failing now, not before (1)',
      'test    before  after',
      'breaks  passed  failed',
      'fixed (1)',
      'test   before  after',
      'heals  failed  passed',
      '1 broken, 1 fixed, 0 still failing, 0 added, 0 removed',
    ]);
  });
});
