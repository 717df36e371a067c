import { covers } from '../../contract/checklist.ts';
import { type DeliveryView, distributedRelease } from '../../factories/delivered-release.ts';
import { createPartner, s3Transport } from '../../factories/partners.ts';
import { eventually } from '../../utils/background.ts';
import { documentedAckTimeout } from '../../utils/contract/documented-ack-timeout.ts';
import { describe, expect, test as suiteTest } from '../../utils/test.ts';

/** A busy 2-core machine's allowance on top of the documented timeout and sweep interval. */
const SLACK_MS = 30_000;
/** The longest this test waits for a timeout; a target documenting a longer one is reported, not waited for. */
const LONGEST_WAIT_MS = 150_000;

// In-process the app times out in 1.5 s and `background` runs its sweep at every poll (the interval it
// documents, as `npm run target`'s, only bounds the wait); black-box the target's own configuration
// applies, read from its /openapi.json (`npm run target` documents 60 s, see blackbox/target.ts).
const test = suiteTest.override({
  appEnvironment: { DELIVERY_ACK_TIMEOUT_MS: '1500', DELIVERY_SWEEP_INTERVAL_MS: '300' },
});

describe('an acknowledgement that never comes', {
  tags: ['e2e', 'delivery', 'external_deps', 'slow'],
  ...covers('delivery.ack_timeout'),
}, () => {
  test('the delivery waits `uploaded` for the documented ACK timeout, then fails saying why; the release keeps waiting', {
    timeout: 240_000,
  }, async ({ api, admin, background, mocks, skip }) => {
    const documented = await documentedAckTimeout(api);
    if ('missing' in documented) return skip(documented.missing);
    const bound = documented.afterMs + documented.checkedEveryMs + SLACK_MS;
    if (bound > LONGEST_WAIT_MS)
      return skip(
        `the target documents an ACK timeout of ${documented.afterMs} ms (checked every ${documented.checkedEveryMs} ms): longer than this test waits (${LONGEST_WAIT_MS} ms with its slack); run it against a deployment configured shorter`,
      );
    // The partner stores what it is sent and never answers: no ACK file in its folder, no callback.
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'silent-partner', 'in'), {
      profile: 'release_by_release',
    });
    const {
      owner,
      release,
      deliveries: [sent],
    } = await distributedRelease(api, admin, background, [partner]);
    const id = (sent as DeliveryView).id;
    const failed = await eventually(
      background,
      `delivery ${id} to fail for want of an acknowledgement (ACK timeout ${documented.afterMs} ms)`,
      async () => {
        const delivery = await api.as(owner).get<DeliveryView>(`/v1/deliveries/${id}`);
        return delivery.body.state === 'failed' ? delivery.body : undefined;
      },
      bound,
    );
    const events = failed.events ?? [];
    // Uploaded, then failed on the timeout: not a transport or packaging failure on the way.
    expect(events.map((event) => event.state).slice(-2)).toEqual(['uploaded', 'failed']);
    const [uploadedAt, failedAt] = events.slice(-2).map((event) => Date.parse(event.at));
    // The ACK window is the partner's: the delivery does not fail before it has passed (the target's clock).
    expect((failedAt ?? 0) - (uploadedAt ?? 0), 'ms from uploaded to failed').toBeGreaterThanOrEqual(
      documented.afterMs,
    );
    expect(events.at(-1)?.detail).toMatch(/\S/);
    expect(failed.ack).toBeNull();
    // `ack_timeout` is an edge of the delivery alone: the release stays `distributing` (state_machines.json).
    const now = await api.as(owner).get<{ state: string }>(`/v1/releases/${release.id}`);
    expect(now.body.state).toBe('distributing');
  });
});
