import { describe, expect, test } from 'vitest';
import { realClock } from './clock.ts';
import { type IterationEnvironment, iterationContext, seededRandom } from './iteration-context.ts';
import { Recorder } from './recorder.ts';

const environment: IterationEnvironment = {
  setup: { http: {} as IterationEnvironment['setup']['http'], baseUrl: 'http://127.0.0.1:1', env: {} },
  scenario: 'draws',
  seed: 7,
  clock: realClock,
  recorder: new Recorder(0),
  send: () => Promise.reject(new Error('no requests here')),
  hardStop: new AbortController().signal,
  mayRequest: () => true,
};

describe('an iteration context', { tags: ['unit', 'harness'] }, () => {
  test('destructured random and pick draw one seeded sequence, the same as before they were made lazily', () => {
    const { random, pick, vu, iteration, scenario, baseUrl } = iterationContext(environment, 3, 5, 0);
    const pool = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const draws = [random(), pick(pool), random(), pick(pool)];
    const reference = seededRandom(7 * 7919 + 3 * 104_729 + 5);
    const expected = [reference(), pool[Math.floor(reference() * pool.length)], reference()];
    expected.push(pool[Math.floor(reference() * pool.length)]);
    expect(draws).toEqual(expected);
    expect([vu, iteration, scenario, baseUrl]).toEqual([3, 5, 'draws', 'http://127.0.0.1:1']);
  });
});
