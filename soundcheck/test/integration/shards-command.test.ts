import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { Shard } from '../../src/sharding/plan.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = path.join(root, 'soundcheck/src/cli.ts');
const scratch = mkdtempSync(path.join(tmpdir(), 'soundcheck-shards-'));

/** `soundcheck shards` over the unit files with an empty history; the saved plan's shards. */
function savedPlan(by: string): Promise<Shard[]> {
  const out = path.join(scratch, `${by}.json`);
  const env = { ...process.env, SOUNDCHECK_HISTORY_URL: '', SOUNDCHECK_HISTORY_DIR: path.join(scratch, by) };
  const args = [cli, 'shards', '--count', '4', '--category', 'unit', '--by', by, '--out', out];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { cwd: root, env }, (error, _stdout, stderr) =>
      error ? reject(new Error(stderr)) : resolve(JSON.parse(readFileSync(out, 'utf8')).shards),
    ),
  );
}

// Spawned: the plan lists the files Vitest finds from the repository's own config, which an in-process case
// (run in an empty folder) has not got.
describe('soundcheck shards --by', { tags: ['integration', 'reporting'], timeout: 60_000 }, () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test('count saves the split by file count, duration the balanced one: the same files, dealt differently', async () => {
    const [byCount, byDuration] = await Promise.all([savedPlan('count'), savedPlan('duration')]);
    const all = byCount.flatMap((shard) => shard.files);
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(all.length);
    const per = Math.ceil(all.length / 4);
    expect(byCount.map((shard) => shard.files)).toEqual(
      [0, 1, 2, 3].map((i) => all.slice(i * per, (i + 1) * per)),
    );
    // No history: the balanced split deals the files round-robin.
    expect(byDuration.map((shard) => shard.files)).toEqual(
      [0, 1, 2, 3].map((i) => all.filter((_, j) => j % 4 === i)),
    );
  });
});
