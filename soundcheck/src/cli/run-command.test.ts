import { describe, expect, test } from 'vitest';
import { measuresCoverage } from './run-command.ts';

describe('when a run measures coverage', { tags: ['unit', 'reporting'] }, () => {
  const whole = { asked: false, byDefault: true, target: null, wholeSuite: true };

  test('`run` measures it by default on the whole suite, in process', () => {
    expect(measuresCoverage(whole)).toBe(true);
    expect(measuresCoverage({ ...whole, byDefault: false })).toBe(false);
  });

  test('not by default on one category, some tags or one shard: the thresholds judge the whole suite', () => {
    expect(measuresCoverage({ ...whole, wholeSuite: false })).toBe(false);
  });

  test('`--coverage` asks for it on any in-process run, never on a --target run', () => {
    expect(measuresCoverage({ ...whole, asked: true, byDefault: false, wholeSuite: false })).toBe(true);
    expect(measuresCoverage({ ...whole, asked: true, target: 'http://127.0.0.1:3000' })).toBe(false);
    expect(measuresCoverage({ ...whole, target: 'http://127.0.0.1:3000' })).toBe(false);
  });
});
