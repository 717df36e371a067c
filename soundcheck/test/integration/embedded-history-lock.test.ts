import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openEmbedded } from '../../src/history/sql.ts';

describe('the embedded history', { tags: ['integration', 'reporting'], timeout: 30_000 }, () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'soundcheck-history-lock-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  test('is opened by one process at a time, and freed when closed with what was written', async () => {
    const dir = path.join(parent, 'history');
    const first = await openEmbedded(dir);
    await first.exec("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('written before close')");
    await expect(openEmbedded(dir, 0)).rejects.toThrow(`${dir} is in use by process ${process.pid}`);
    await first.close();
    const again = await openEmbedded(dir);
    expect(await again.query('SELECT note FROM kept')).toEqual([{ note: 'written before close' }]);
    await again.close();
  });

  test('a second opener waits for the holder to close, then opens', async () => {
    const dir = path.join(parent, 'waited');
    const first = await openEmbedded(dir);
    await first.query('CREATE TABLE written_by_first (n int)');
    const second = openEmbedded(dir, 60_000);
    // Still waiting while the first holds it: a closed-over flag would flip if it had opened.
    let opened = false;
    void second.then(() => {
      opened = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(opened).toBe(false);
    await first.close();
    const sql = await second;
    expect(await sql.query("SELECT to_regclass('written_by_first') IS NOT NULL AS exists")).toEqual([
      { exists: true },
    ]);
    await sql.close();
  });

  test('takes over the lock of a process that died holding it', async () => {
    const dir = path.join(parent, 'stale');
    // 2^22 + 1 is above Linux's largest pid: no such process.
    writeFileSync(`${dir}.lock`, '4194305');
    const sql = await openEmbedded(dir);
    expect(await sql.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
    await sql.close();
  });
});
