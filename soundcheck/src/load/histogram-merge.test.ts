import { describe, expect, test } from 'vitest';
import { decodeHistogram, encodeHistogram } from './histogram.ts';
import { Recorder } from './recorder.ts';
import { mergeSnapshots } from './summary.ts';

/** Deterministic latencies with a long tail, in ms. */
const samples = Array.from({ length: 5000 }, (_, i) => [
  i,
  ((i * 7919) % 1000) / 10 + (i % 97 === 0 ? 850 : 0),
]);

/** Each sample's name and status follow its index, whichever thread records it. */
function recorded(values: number[][]): Recorder {
  const recorder = new Recorder(0);
  for (const [i = 0, ms = 0] of values) {
    recorder.iterationStarted(i);
    recorder.request(i % 3 ? 'GET /a/{id}' : 'POST /a', i, ms, ms / 2, { status: i % 50 ? 200 : 503 });
    recorder.iterationEnded(true);
  }
  return recorder;
}

describe('histograms merged across threads', { tags: ['unit', 'harness'] }, () => {
  test('splitting the samples over three recorders and merging gives exactly the single recorder', () => {
    const single = mergeSnapshots([recorded(samples).snapshot()]);
    const split = mergeSnapshots(
      [0, 1, 2].map((thread) => recorded(samples.filter((_, i) => i % 3 === thread)).snapshot()),
    );
    expect(split.overall.summarize('all', 1)).toEqual(single.overall.summarize('all', 1));
    for (const name of ['GET /a/{id}', 'POST /a'])
      expect(split.byName.get(name)?.summarize(name, 1)).toEqual(single.byName.get(name)?.summarize(name, 1));
    expect(encodeHistogram(split.overall.corrected)).toBe(encodeHistogram(single.overall.corrected));
    expect(split.iterations.started).toBe(5000);
  });

  test('an encoded histogram decodes to the same counts', () => {
    const recorder = recorded(samples);
    const stats = recorder.byName.get('POST /a');
    const decoded = decodeHistogram(encodeHistogram(stats?.corrected ?? decodeHistogram('')));
    expect(decoded.totalCount).toBe(stats?.requests);
    expect(decoded.getValueAtPercentile(99)).toBe(stats?.corrected.getValueAtPercentile(99));
  });
});
