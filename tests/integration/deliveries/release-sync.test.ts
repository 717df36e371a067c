import type { Acknowledgement } from '@soundcheck/api/deliveries/ack/acknowledgement.ts';
import { insertDelivery } from '@soundcheck/api/deliveries/create.ts';
import { syncRelease } from '@soundcheck/api/deliveries/release-sync.ts';
import type { DeliveryState } from '@soundcheck/api/deliveries/state-machine.ts';
import { deliveries } from '@soundcheck/api/deliveries/tables.ts';
import type { Deps } from '@soundcheck/api/deps.ts';
import type { MessageKind } from '@soundcheck/api/ern/types.ts';
import { findRelease } from '@soundcheck/api/releases/repository.ts';
import { releaseEvents } from '@soundcheck/api/releases/tables.ts';
import type { ReleaseState } from '@soundcheck/api/workflow/release-workflow.ts';
import { asc, eq } from 'drizzle-orm';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { createPartner, s3Transport } from '../../factories/partners.ts';
import { walkReleaseTo } from '../../factories/release-state.ts';
import { releaseFactory } from '../../factories/releases.ts';
import { type SignedInUser, signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

type Spec = Array<{
  partner: number;
  kind?: MessageKind;
  state: DeliveryState;
  ack?: Acknowledgement;
  lastError?: string;
}>;

const rejection: Acknowledgement = {
  messageId: 'M',
  fileStatus: 'FileOK',
  errorText: null,
  releases: [
    {
      releaseId: null,
      status: 'ProcessingErrorAtReleaseDistributor',
      errorText: 'Artwork is blurry',
      proposedAction: null,
      manualCheckRequired: false,
    },
  ],
};

/**
 * A release in `state` with deliveries written straight to the database, oldest first as listed — the
 * states the workers would have reached — so each rule of the release's follow-the-deliveries logic is
 * checked on its own.
 */
async function releaseWith(api: ApiClient, admin: SignedInUser, deps: Deps, state: ReleaseState, spec: Spec) {
  const owner = await signedIn(api, admin, { role: 'label_manager' });
  const created = await releaseFactory.single().as(api, owner).create();
  const partnerIds: string[] = [];
  for (const _ of new Set(spec.map((row) => row.partner))) {
    partnerIds.push(
      (await createPartner(api, admin, s3Transport({ url: 'http://127.0.0.1:1' } as never, 'sync', 'in'))).id,
    );
  }
  const row = await walkReleaseTo(deps.db.orm, created.id, state);
  for (const each of spec) {
    const inserted = await insertDelivery(deps.db.orm, {
      release: row,
      partnerId: partnerIds[each.partner] as string,
      kind: each.kind ?? 'new',
      actorId: null,
      now: new Date(),
    });
    await deps.db.orm
      .update(deliveries)
      .set({ state: each.state, ack: each.ack ?? null, lastError: each.lastError ?? null })
      .where(eq(deliveries.id, inserted.id));
  }
  return created.id;
}

const trail = async (deps: Deps, releaseId: string) =>
  (
    await deps.db.orm
      .select()
      .from(releaseEvents)
      .where(eq(releaseEvents.releaseId, releaseId))
      .orderBy(asc(releaseEvents.id))
  ).map((event) => ({
    action: event.action,
    from: event.fromState,
    to: event.toState,
    reasons: event.reasons,
  }));

const stateOf = async (deps: Deps, releaseId: string) => (await findRelease(deps.db.orm, releaseId))?.state;

describe('the release follows its deliveries', { tags: ['integration', 'delivery', 'workflow'] }, () => {
  test.for([
    [
      'every partner acknowledged',
      'distributing',
      'delivered',
      [
        { partner: 0, state: 'acknowledged' },
        { partner: 1, state: 'live' },
      ],
    ],
    [
      'one still waiting for its ACK',
      'distributing',
      'distributing',
      [
        { partner: 0, state: 'acknowledged' },
        { partner: 1, state: 'uploaded' },
      ],
    ],
    [
      'one failed for good (an admin decides)',
      'distributing',
      'distributing',
      [
        { partner: 0, state: 'acknowledged' },
        { partner: 1, state: 'failed' },
      ],
    ],
    [
      'an old rejection superseded by an acknowledged redelivery',
      'distributing',
      'delivered',
      [
        { partner: 0, state: 'rejected' },
        { partner: 0, state: 'acknowledged' },
        { partner: 1, state: 'acknowledged' },
      ],
    ],
    [
      'a cancelled delivery does not hold the release back',
      'distributing',
      'delivered',
      [
        { partner: 0, state: 'acknowledged' },
        { partner: 1, state: 'cancelled' },
      ],
    ],
    [
      'every takedown acknowledged',
      'takedown_requested',
      'taken_down',
      [
        { partner: 0, state: 'acknowledged' },
        { partner: 0, kind: 'takedown', state: 'acknowledged' },
        { partner: 1, kind: 'takedown', state: 'acknowledged' },
      ],
    ],
    [
      'a takedown still on its way',
      'takedown_requested',
      'takedown_requested',
      [
        { partner: 0, kind: 'takedown', state: 'acknowledged' },
        { partner: 1, kind: 'takedown', state: 'uploading' },
      ],
    ],
    [
      'a release that is not waiting for deliveries',
      'approved',
      'approved',
      [{ partner: 0, state: 'acknowledged' }],
    ],
  ] as const)('%s: %s → %s', async ([, from, to, spec], { api, admin, deps }) => {
    const id = await releaseWith(api, admin, deps, from, spec as unknown as Spec);
    await syncRelease(deps, id);
    expect(await stateOf(deps, id)).toBe(to);
    await syncRelease(deps, id);
    const moves = (await trail(deps, id)).filter((event) => event.from === from && event.to !== from);
    expect(moves.map((event) => event.to)).toEqual(from === to ? [] : [to]);
  });

  test('a rejection sends the release to changes_requested with the partner’s reasons, once', async ({
    api,
    admin,
    deps,
  }) => {
    const id = await releaseWith(api, admin, deps, 'distributing', [
      { partner: 0, state: 'acknowledged' },
      { partner: 1, state: 'rejected', ack: rejection },
      { partner: 2, state: 'rejected', lastError: 'no reason given' },
    ]);
    await Promise.all([syncRelease(deps, id), syncRelease(deps, id)]);
    expect(await stateOf(deps, id)).toBe('changes_requested');
    expect((await trail(deps, id)).filter((event) => event.action === 'delivery_rejected')).toEqual([
      {
        action: 'delivery_rejected',
        from: 'distributing',
        to: 'changes_requested',
        reasons: [
          { rule: 'ProcessingErrorAtReleaseDistributor', message: 'Artwork is blurry' },
          { rule: 'DeliveryRejected', message: 'no reason given' },
        ],
      },
    ]);
  });
});
