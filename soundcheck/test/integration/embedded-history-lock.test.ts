import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openEmbedded } from '../../src/history/sql.ts';

describe('the embedded history', { tags: ['integration', 'reporting'], timeout: 30_000 }, () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'soundcheck-history-lock-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  test('is opened by one process at a time, and freed when closed', async () => {
    const dir = path.join(parent, 'history');
    const first = await openEmbedded(dir);
    await expect(openEmbedded(dir)).rejects.toThrow(`${dir} is in use by process ${process.pid}`);
    await first.close();
    const again = await openEmbedded(dir);
    expect(await again.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await again.close();
  });

  test('takes over the lock of a process that died holding it', async () => {
    const dir = path.join(parent, 'stale');
    mkdirSync(dir);
    // 2^22 + 1 is above Linux's largest pid: no such process.
    writeFileSync(`${dir}.lock`, '4194305');
    const sql = await openEmbedded(dir);
    expect(await sql.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
    await sql.close();
  });
});
