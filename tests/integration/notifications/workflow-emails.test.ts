import { signedIn } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('workflow e-mail', { tags: ['integration', 'notifications', 'external_deps'] }, () => {
  test('submit e-mails the reviewers; approve e-mails the owner', async ({ api, admin, deps, mocks }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const release = await WorkflowFactory.release(api, { owner, reviewer }, 'approved');
    await deps.queue.drain();
    const submitted = mocks.smtp.to(reviewer.email).find((mail) => mail.subject.includes('submitted'));
    expect(submitted).toMatchObject({
      from: 'no-reply@soundcheck.local',
      subject: `Release “${release.title}” submitted for review`,
      text: expect.stringContaining(`/v1/releases/${release.id}`),
      html: expect.stringContaining('<p><a href='),
    });
    expect(mocks.smtp.to(owner.email).map((mail) => mail.subject)).toEqual([
      `Release “${release.title}” approved`,
    ]);
  });

  test('request-changes e-mails the owner the reasons, HTML-escaped', async ({ api, admin, deps, mocks }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const release = await WorkflowFactory.release(api, { owner, reviewer }, 'in_review');
    const reasons = [{ rule: 'M2', message: 'Title <b>ALL CAPS</b> & promo' }];
    expect(
      (await api.as(reviewer).post(`/v1/releases/${release.id}/request-changes`, { reasons })).status,
    ).toBe(200);
    await deps.queue.drain();
    const [mail] = mocks.smtp.to(owner.email);
    expect(mail?.subject).toBe(`Changes requested on “${release.title}”`);
    expect(mail?.text).toContain('- M2: Title <b>ALL CAPS</b> & promo');
    expect(mail?.html).toContain('<li>M2: Title &lt;b&gt;ALL CAPS&lt;/b&gt; &amp; promo</li>');
  });

  test('an SMTP failure never fails the action that caused it', async ({ api, admin, mocks }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    mocks.smtp.scenario({ status: 554 });
    const release = await WorkflowFactory.release(api, { owner, reviewer }, 'submitted');
    expect(release.state).toBe('submitted');
    expect(mocks.smtp.messages).toEqual([]);
  });
});
