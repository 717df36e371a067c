import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { imbalance, parseShard, planByCount, planShards } from './plan.ts';

const fileNames = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}\.test\.ts$/), { maxLength: 60 });

describe('duration-balanced shards', { tags: ['unit', 'harness'] }, () => {
  test('every file lands in exactly one shard, whatever the durations and shard count', () => {
    fc.assert(
      fc.property(
        fileNames,
        fc.integer({ min: 1, max: 9 }),
        fc.infiniteStream(fc.option(fc.nat(10_000))),
        (files, count, times) => {
          const expected = new Map<string, number>();
          for (const file of files) {
            const ms = times.next().value;
            if (ms !== null) expected.set(file, ms);
          }
          const shards = planShards(files, expected, count);
          expect(shards).toHaveLength(count);
          expect(shards.flatMap((s) => s.files).sort()).toEqual([...files].sort());
        },
      ),
    );
  });

  test('longest first into the emptiest shard: 8, 7, 6, 5, 4 over two shards gives 8+5+4 / 7+6', () => {
    const expected = new Map([
      ['a', 8],
      ['b', 7],
      ['c', 6],
      ['d', 5],
      ['e', 4],
    ]);
    const shards = planShards([...expected.keys()], expected, 2);
    expect(shards.map((s) => [s.files, s.predictedMs])).toEqual([
      [['a', 'd', 'e'], 17],
      [['b', 'c'], 13],
    ]);
  });

  test('files without a history go round-robin after the timed ones, counted apart', () => {
    const shards = planShards(['x', 'y', 'z', 'timed'], new Map([['timed', 100]]), 2);
    expect(shards.map((s) => [s.files, s.unknown])).toEqual([
      [['timed', 'x', 'z'], 2],
      [['y'], 1],
    ]);
  });

  test('the same inputs give the same plan in any input order (every shard of a CI run must agree)', () => {
    const expected = new Map([
      ['a', 5],
      ['b', 5],
      ['c', 5],
      ['d', 1],
    ]);
    expect(planShards(['d', 'c', 'b', 'a'], expected, 3)).toEqual(
      planShards(['a', 'b', 'c', 'd'], expected, 3),
    );
  });

  test('two slow files side by side make the count split lopsided; the duration split evens them', () => {
    const expected = new Map([
      ['a', 60],
      ['b', 58],
      ['c', 1],
      ['d', 1],
    ]);
    const files = [...expected.keys()];
    expect(imbalance(planByCount(files, expected, 2).map((s) => s.predictedMs))).toBeCloseTo(118 / 60);
    expect(imbalance(planShards(files, expected, 2).map((s) => s.predictedMs))).toBe(1);
  });

  test.for(['5/4', '0/3', '1/0', '2', 'a/b', '1/4/2'])(
    'the shard spec %s is refused with the form to use',
    (spec) => {
      expect(() => parseShard(spec)).toThrow(/use i\/n with 1 ≤ i ≤ n/);
    },
  );

  test('a valid spec parses', () => {
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
  });
});
