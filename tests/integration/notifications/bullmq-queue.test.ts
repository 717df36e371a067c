import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from '../../utils/test.ts';

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

describe('the BullMQ job queue (notifications and asset analysis run on it with Redis)', {
  tags: ['integration', 'notifications', 'redis'],
}, () => {
  test('runs a job once per job id, retries a failure with backoff, and reports the attempt', async ({
    bullmq,
  }) => {
    const queue = bullmq('bull');
    const runs: Array<{ id: string; attempt: number }> = [];
    queue.register<{ id: string }>('mail', async (data, { attempt }) => {
      runs.push({ id: data.id, attempt });
      if (data.id === 'flaky' && attempt === 1) throw new Error('SMTP down');
    });
    await queue.startWorkers();
    await queue.add('mail', { id: 'once' }, { jobId: 'event-1' });
    await queue.add('mail', { id: 'once' }, { jobId: 'event-1' });
    await queue.add('mail', { id: 'flaky' }, { jobId: 'event-2', backoffMs: 50 });
    await until(() => runs.length >= 3);
    await sleep(200); // a duplicate would have run by now
    expect(runs.sort((a, b) => a.id.localeCompare(b.id) || a.attempt - b.attempt)).toEqual([
      { id: 'flaky', attempt: 1 },
      { id: 'flaky', attempt: 2 },
      { id: 'once', attempt: 1 },
    ]);
  });
});
