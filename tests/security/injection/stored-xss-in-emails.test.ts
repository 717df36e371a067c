import { releaseFactory } from '../../factories/releases.ts';
import { createLabel, signedIn } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { htmlInjectionProblems } from './inert-html.ts';

const TITLE = `<script>alert("title")</script><img src=x onerror=alert(1)>`;
const LABEL = `Label <img src=x onerror="alert('label')">`;
const REASON = `<svg/onload=alert(1)> & <a href="javascript:alert(1)">fix</a>`;

// In-process only: the SMTP mock a black-box target sends to is the target's, not this test's.
describe('stored XSS in notification e-mails', {
  tags: ['security', 'notifications', 'external_deps', 'implementation'],
}, () => {
  test('a hostile release title, label name and review reason arrive as text in every HTML e-mail', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const label = await createLabel(api, admin, { name: LABEL });
    const owner = await signedIn(api, admin, { role: 'label_manager', labelId: label.id });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const party = { owner, reviewer };
    const release = await releaseFactory.single().withAssets().as(api, owner).create();
    // A single's title is its track's (QC rule M5), so both carry the payload and the release can be approved.
    const trackPath = `/v1/releases/${release.id}/tracks/${release.tracks[0]!.id}`;
    expect((await api.as(owner).patch(trackPath, { title: TITLE })).status).toBe(200);
    expect((await api.as(owner).patch(`/v1/releases/${release.id}`, { title: TITLE })).status).toBe(200);
    for (const action of ['submit', 'start-review'])
      await WorkflowFactory.act(api, party, release.id, {
        action,
        by: action === 'submit' ? 'owner' : 'reviewer',
      });
    const reasons = [{ rule: 'M2', message: REASON }];
    expect(
      (await api.as(reviewer).post(`/v1/releases/${release.id}/request-changes`, { reasons })).status,
    ).toBe(200);
    for (const step of [
      { action: 'submit', by: 'owner' },
      { action: 'start-review', by: 'reviewer' },
      { action: 'approve', by: 'reviewer' },
    ] as const)
      await WorkflowFactory.act(api, party, release.id, step);
    await deps.queue.drain();

    const mails = mocks.smtp.messages.filter((mail) => mail.subject.includes(TITLE));
    const shown = (subject: string) => [
      TITLE,
      ...(subject.includes('submitted') ? [LABEL] : []),
      ...(subject.includes('Changes') ? [REASON] : []),
    ];
    // submitted twice (to the reviewer), changes requested and approved (to the owner).
    expect(mails.map((mail) => mail.subject.replace(TITLE, 'T')).sort()).toEqual([
      'Changes requested on “T”',
      'Release “T” approved',
      'Release “T” submitted for review',
      'Release “T” submitted for review',
    ]);
    for (const mail of mails)
      expect(htmlInjectionProblems(mail.html ?? '', shown(mail.subject)), mail.subject).toEqual([]);
  });
});
