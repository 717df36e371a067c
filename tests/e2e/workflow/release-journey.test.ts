import type { HistoryPage } from '@soundcheck/api/releases/schema.ts';
import type { Static } from 'typebox';
import { covers } from '../../contract/checklist.ts';
import { artistFactory } from '../../factories/artists.ts';
import { attachAssets } from '../../factories/assets.ts';
import { randomUpcA } from '../../factories/identifiers.ts';
import { labelFactory } from '../../factories/labels.ts';
import { type Release, releaseBody, type Track, trackBody } from '../../factories/releases.ts';
import { signedIn, signIn } from '../../factories/signed-in.ts';
import { userFactory } from '../../factories/users.ts';
import { describe, expect, test } from '../../utils/test.ts';

type History = Static<typeof HistoryPage>;

describe('a release from label to approval', {
  tags: ['e2e', 'workflow', 'catalog'],
  ...covers(
    'auth.login.200',
    'me.200',
    'labels.create.201',
    'users.create.201',
    'artists.create.201',
    'releases.create.201',
    'tracks.create.201',
    'releases.list.200',
    'workflow.start_review.reviewer',
    'workflow.approve.reviewer',
    'workflow.request_changes.reviewer',
    'qc.R2',
    'qc.R3',
    'qc.M4',
  ),
}, () => {
  test('admin bootstraps a label, its manager builds a release, a reviewer approves it', async ({
    api,
    admin,
  }) => {
    // The admin sets up a label and its manager.
    const label = await api.as(admin).post<{ id: string }>('/v1/labels', labelFactory.build());
    expect(label.status).toBe(201);
    const managerParams = userFactory.build({ role: 'label_manager', labelId: label.body.id });
    expect((await api.as(admin).post('/v1/users', managerParams)).status).toBe(201);
    const manager = await signIn(api, managerParams.email, managerParams.password);

    // The manager adds an artist and an EP with four tracks.
    const artist = await api.as(manager).post<{ id: string }>('/v1/artists', artistFactory.build());
    expect(artist.status).toBe(201);
    const upc = randomUpcA();
    const created = await api
      .as(manager)
      .post<Release>(
        '/v1/releases',
        releaseBody([artist.body.id], { title: 'Four Seasons', releaseType: 'ep', upc }),
      );
    expect(created.body).toMatchObject({ state: 'draft', upc: `0${upc}`, labelId: label.body.id });
    const id = created.body.id;
    const tracks: Track[] = [];
    for (const n of [1, 2, 3, 4]) {
      const track = await api
        .as(manager)
        .post<Track>(`/v1/releases/${id}/tracks`, trackBody(artist.body.id, n));
      expect(track.status).toBe(201);
      tracks.push(track.body);
    }

    // Without its cover and audio the EP cannot be submitted (R2, R3); the manager uploads them.
    const bare = await api
      .as(manager)
      .post<{ valid: boolean; findings: Array<{ rule: string; severity: string }> }>(
        `/v1/releases/${id}/validate`,
      );
    // The rules are qc_rules.json's; which `field` each finding names is the implementation's wording.
    expect(bare.body.valid).toBe(false);
    expect(bare.body.findings.map(({ rule, severity }) => `${rule} ${severity}`)).toEqual([
      'R2 block',
      'R3 block',
      'R3 block',
      'R3 block',
      'R3 block',
    ]);
    expect((await api.as(manager).post(`/v1/releases/${id}/submit`)).status).toBe(422);
    await attachAssets(api, manager, { id, tracks });
    expect((await api.as(manager).post(`/v1/releases/${id}/validate`)).body).toEqual({
      valid: true,
      findings: [],
    });

    // Submitted, reviewed and approved by someone else.
    expect((await api.as(manager).post<Release>(`/v1/releases/${id}/submit`)).body.state).toBe('submitted');
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const queue = await api
      .as(reviewer)
      .get<{ items: Release[] }>(`/v1/releases?state=submitted&labelId=${label.body.id}`);
    expect(queue.body.items.map((r) => r.id)).toEqual([id]);
    expect((await api.as(reviewer).post<Release>(`/v1/releases/${id}/start-review`)).body.state).toBe(
      'in_review',
    );
    const approved = await api.as(reviewer).post<Release>(`/v1/releases/${id}/approve`);
    expect(approved.body).toMatchObject({ state: 'approved', tracks: expect.any(Array) });
    expect(approved.body.tracks.map((t) => t.trackNumber)).toEqual([1, 2, 3, 4]);

    // Approved releases are no longer editable.
    expect((await api.as(manager).patch(`/v1/releases/${id}`, { title: 'Five Seasons' })).status).toBe(409);
    const history = await api.as(manager).get<History>(`/v1/releases/${id}/history`);
    // Oldest first; whether the creation itself is an entry is left open by API.md.
    const transitions = history.body.items.filter((item) => item.from);
    expect(transitions.map((item) => `${item.from}→${item.to}`)).toEqual([
      'draft→submitted',
      'submitted→in_review',
      'in_review→approved',
    ]);
  });

  test('changes requested, fixed and resubmitted, then approved', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const artist = await api.as(manager).post<{ id: string }>('/v1/artists', artistFactory.build());
    const release = await api
      .as(manager)
      .post<Release>('/v1/releases', releaseBody([artist.body.id], { title: 'Daylight' }));
    const id = release.body.id;
    const track = await api
      .as(manager)
      .post<Track>(`/v1/releases/${id}/tracks`, trackBody(artist.body.id, 1, { title: 'Daylight' }));
    await attachAssets(api, manager, { id, tracks: [track.body] });

    expect((await api.as(manager).post<Release>(`/v1/releases/${id}/submit`)).body.state).toBe('submitted');
    await api.as(reviewer).post(`/v1/releases/${id}/start-review`);
    const reasons = [{ rule: 'M3', message: 'Set the parental advisory to explicit' }];
    const sentBack = await api.as(reviewer).post<Release>(`/v1/releases/${id}/request-changes`, { reasons });
    expect(sentBack.body.state).toBe('changes_requested');

    // The manager fixes the release and its track in place, then submits again.
    const trackId = sentBack.body.tracks[0]!.id;
    expect(
      (await api.as(manager).patch(`/v1/releases/${id}/tracks/${trackId}`, { parentalAdvisory: 'explicit' }))
        .status,
    ).toBe(200);
    // QC now blocks until the release itself is marked explicit (M4).
    expect((await api.as(manager).post(`/v1/releases/${id}/submit`)).status).toBe(422);
    expect((await api.as(manager).patch(`/v1/releases/${id}`, { parentalAdvisory: 'explicit' })).status).toBe(
      200,
    );
    expect((await api.as(manager).post<Release>(`/v1/releases/${id}/submit`)).body.state).toBe('submitted');
    await api.as(reviewer).post(`/v1/releases/${id}/start-review`);
    expect((await api.as(reviewer).post<Release>(`/v1/releases/${id}/approve`)).body.state).toBe('approved');

    const history = await api.as(manager).get<History>(`/v1/releases/${id}/history`);
    const transitions = history.body.items.filter((item) => item.from);
    expect(transitions.map((item) => item.to)).toEqual([
      'submitted',
      'in_review',
      'changes_requested',
      'submitted',
      'in_review',
      'approved',
    ]);
    expect(transitions[2]?.reasons).toEqual(reasons);
  });
});
