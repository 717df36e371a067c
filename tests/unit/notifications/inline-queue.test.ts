import { inlineQueue } from '@soundcheck/api/jobs/inline-queue.ts';
import { describe, expect, test } from 'vitest';

describe('the in-process job queue (embedded default)', { tags: ['unit', 'notifications'] }, () => {
  test('runs each job id once, after the caller has moved on', async () => {
    const queue = inlineQueue();
    const runs: string[] = [];
    queue.register<string>('mail', async (data) => {
      runs.push(data);
    });
    await queue.add('mail', 'a', { jobId: 'event-1' });
    await queue.add('mail', 'a again', { jobId: 'event-1' });
    await queue.add('mail', 'b');
    expect(runs).toEqual([]);
    await queue.drain();
    expect(runs).toEqual(['a', 'b']);
  });

  test('retries a failing job with exponential backoff, then reports it failed for good', async () => {
    const failures: Array<{ attempt: number; final: boolean }> = [];
    // Scaled by 0.05, a 1000 ms backoff waits 50 ms, then 100 ms: long enough to measure from below.
    const queue = inlineQueue((_queue, _error, attempt, final) => failures.push({ attempt, final }), 0.05);
    const attemptsAt: number[] = [];
    queue.register('mail', async () => {
      attemptsAt.push(performance.now());
      throw new Error('SMTP down');
    });
    await queue.add('mail', {}, { attempts: 3, backoffMs: 1000 });
    await queue.drain();
    expect(failures).toEqual([
      { attempt: 1, final: false },
      { attempt: 2, final: false },
      { attempt: 3, final: true },
    ]);
    // Lower bounds only (a loaded machine makes waits longer, never shorter; 1 ms for timer rounding),
    // plus a ceiling far above 100 ms that an unscaled 2000 ms backoff would still break.
    const waits = attemptsAt.slice(1).map((at, i) => at - attemptsAt[i]!);
    expect(waits).toEqual([
      expect.toSatisfy((ms: number) => ms >= 49),
      expect.toSatisfy((ms: number) => ms >= 99 && ms < 1000),
    ]);
  });
});
