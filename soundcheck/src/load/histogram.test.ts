import { describe, expect, test } from 'vitest';
import { meanOf, newHistogram, recordMs, valuesAtPercentiles } from './histogram.ts';
import { seededRandom } from './iteration-context.ts';

// The one-pass percentiles and mean must equal hdr-histogram-js's own getValueAtPercentile and mean, value for value.
describe('percentiles and mean in one pass', () => {
  test('equal getValueAtPercentile and mean on random histograms, at edge and random percentiles', () => {
    const random = seededRandom(42);
    for (let trial = 0; trial < 40; trial++) {
      const histogram = newHistogram();
      const samples = 1 + Math.floor(random() * 3000);
      const spread = 10 ** Math.floor(random() * 6); // 1 ms to 100 s
      for (let i = 0; i < samples; i++) recordMs(histogram, random() ** 3 * spread);
      const percentiles = [0, 50, 90, 99, 99.9, 100, ...Array.from({ length: 10 }, () => random() * 100)];
      expect(valuesAtPercentiles(histogram, percentiles), `trial ${trial}`).toEqual(
        percentiles.map((p) => histogram.getValueAtPercentile(p)),
      );
      expect(meanOf(histogram), `trial ${trial}`).toBe(histogram.mean);
    }
  });
});
