import { describe, expect, test } from '../../utils/test.ts';
import {
  confusedTypes,
  deepBodies,
  expectConfusedTypeRefused,
  expectNestingRefusedInBoundedTime,
  expectPollutionRefusedOrIgnored,
} from './body-checks.ts';
import { type BodyPlant, startPlantedJsonServer } from './planted-json-server.ts';

/** A planted server for one test, closed when it ends. */
async function planted(plant: BodyPlant, onTestFinished: (fn: () => Promise<void>) => void) {
  const server = await startPlantedJsonServer(plant);
  onTestFinished(() => server.close());
  return server.target;
}

// The body checks the API's tests run (prototype-pollution, oversized-and-nested-json), each against a small
// server with exactly its bug planted; the bug-free server passes every one of them.
describe('each body check can fail', { tags: ['security', 'harness'] }, () => {
  test('the bug-free planted server passes every body check', async ({ onTestFinished }) => {
    const target = await planted('none', onTestFinished);
    for (const key of ['__proto__', 'constructor'] as const)
      for (const nested of [false, true]) await expectPollutionRefusedOrIgnored(target, key, nested);
    await expectNestingRefusedInBoundedTime(target, deepBodies(target));
    for (const [type, encode] of confusedTypes) await expectConfusedTypeRefused(target, type, encode);
  });

  test.for([
    ['__proto__', false],
    ['__proto__', true],
    ['constructor', false],
  ] as const)(
    'the pollution check fails on a server that merges %s (nested: %s) into later items',
    async ([key, nested], { onTestFinished }) => {
      const target = await planted('pollutes', onTestFinished);
      await expect(expectPollutionRefusedOrIgnored(target, key, nested)).rejects.toThrow(/pollution/);
    },
  );

  test('the nesting check fails on a server that refuses deep bodies slowly', async ({ onTestFinished }) => {
    const target = await planted('slow-on-depth', onTestFinished);
    await expect(expectNestingRefusedInBoundedTime(target, deepBodies(target))).rejects.toThrow(
      /deep.*ms, flat/,
    );
  });

  test.for(confusedTypes)(
    'the content-type check fails on a server that reads %s as JSON',
    async ([type, encode], { onTestFinished }) => {
      const target = await planted('reads-any-type', onTestFinished);
      await expect(expectConfusedTypeRefused(target, type, encode)).rejects.toThrow(/to include 201/);
    },
  );
});
