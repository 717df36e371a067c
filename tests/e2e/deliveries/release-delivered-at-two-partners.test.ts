import { covers } from '../../contract/checklist.ts';
import { approvedReleaseWithAssets } from '../../factories/deliverable-release.ts';
import { type DeliveryView, releaseInState, settledDeliveries } from '../../factories/delivered-release.ts';
import { createPartner, s3Transport, sftpTransport } from '../../factories/partners.ts';
import { eventually } from '../../utils/background.ts';
import { expectBatchChoreography } from '../../utils/choreography-check.ts';
import { postSignedCallback, signedCallback } from '../../utils/contract/sign-callback.ts';
import { ingested } from '../../utils/partner-callback.ts';
import { describe, expect, test } from '../../utils/test.ts';

const ackXml = (messageId: string, upc: string) => `<?xml version="1.0"?>
<echo:AcknowledgementMessage xmlns:echo="http://ddex.net/xml/ern-c-sftp/18">
  <AcknowledgedMessage><MessageId>${messageId}</MessageId><FileStatus>FileOK</FileStatus></AcknowledgedMessage>
  <AcknowledgedRelease><ReleaseId><ICPN>${upc}</ICPN></ReleaseId><ReleaseStatus>SuccessfullyIngestedByReleaseDistributor</ReleaseStatus></AcknowledgedRelease>
</echo:AcknowledgementMessage>`;

describe('a release delivered to two partners', {
  tags: ['e2e', 'delivery', 'external_deps', 'slow'],
  ...covers(
    'partners.create.201',
    'workflow.enqueue_deliveries.label_manager',
    'deliveries.list.200',
    'deliveries.ern.200',
    'callbacks.202',
    'callbacks.401-replay',
    'workflow.all_deliveries_acknowledged.system',
    'workflow.request_takedown.label_manager',
    'workflow.all_takedowns_acknowledged.system',
    'delivery.worker_picks_up',
    'delivery.package_built',
    'delivery.manifest_written',
    'delivery.ack_success',
  ),
}, () => {
  // Longer than its bounded waits together: a journey stuck at one step (a takedown that never finishes)
  // fails on that wait's message, naming the state it never reached, not on the suite's clock.
  test('SFTP batch and S3 release-by-release, acknowledged by ACK file and by callback → delivered; then a takedown', {
    timeout: 240_000,
  }, async ({ api, admin, background, mocks, sftp }) => {
    sftp.reset();
    const batchPartner = await createPartner(api, admin, sftpTransport(sftp), { profile: 'batch' });
    const s3Partner = await createPartner(api, admin, s3Transport(mocks.s3, 'dsp-bucket', 'incoming'), {
      profile: 'release_by_release',
    });
    const { owner, release } = await approvedReleaseWithAssets(api, admin);

    const distributed = await api.as(owner).post<{ state: string }>(`/v1/releases/${release.id}/distribute`, {
      partnerIds: [batchPartner.id, s3Partner.id],
    });
    expect(distributed.status).toBe(200);
    expect(distributed.body.state).toBe('distributing');
    const sent = await settledDeliveries(api, background, owner, release.id, 2);
    expect(sent.map((d) => [d.kind, d.state])).toEqual([
      ['new', 'uploaded'],
      ['new', 'uploaded'],
    ]);
    const viaSftp = sent.find((d) => d.partnerId === batchPartner.id) as DeliveryView;
    const viaS3 = sent.find((d) => d.partnerId === s3Partner.id) as DeliveryView;
    expect(viaSftp.batchId).toMatch(/^\d{17}$/);
    expect(viaS3.batchId).toBeNull();

    // The SFTP partner saw the DDEX choreography: resources, message, BatchComplete last.
    const batchId = viaSftp.batchId as string;
    const manifest = sftp.received.find((file) => file.path.endsWith(`/BatchComplete_${batchId}.xml`));
    const message = expectBatchChoreography(
      sftp.received,
      batchId,
      sftp.read(manifest?.path ?? '').toString('utf8'),
    );
    // The S3 partner got a release folder with its message.
    const s3Keys = [...mocks.s3.objects.keys()].filter((key) => key.startsWith('dsp-bucket/incoming/'));
    expect(s3Keys.some((key) => key.endsWith('.xml'))).toBe(true);

    // The ERN served is the one delivered, and it names the release's UPC.
    const ern = await api.as(owner).get(`/v1/deliveries/${viaSftp.id}/ern`);
    expect(ern.status).toBe(200);
    expect(ern.text).toBe(sftp.read(message.path).toString('utf8'));
    expect(ern.text).toContain(release.upc);

    // An ACK file in the partner's acknowledgements/ folder (polled), then a signed callback from S3's.
    sftp.dropAck(`ACK_${batchId}_${release.upc}.xml`, ackXml(viaSftp.messageId, release.upc));
    sftp.dropAck('README.txt', 'not an acknowledgement');
    await eventually(background, 'the ACK file to be read', async () => {
      const delivery = await api.as(owner).get<DeliveryView>(`/v1/deliveries/${viaSftp.id}`);
      return delivery.body.state === 'acknowledged' ? true : undefined;
    });
    const signed = signedCallback(s3Partner.callbackSecret, ingested(viaS3.messageId));
    const callback = { method: 'POST' as const, path: `/v1/partner-callbacks/${s3Partner.id}`, ...signed };
    expect((await api.request(callback)).status).toBe(202);
    expect((await api.request(callback)).status).toBe(401);

    await releaseInState(api, background, owner, release.id, 'delivered');

    // Takedown: one takedown message per partner holding the release, acknowledged → taken_down.
    const takedown = await api.as(owner).post<{ state: string }>(`/v1/releases/${release.id}/takedown`);
    expect(takedown.body.state).toBe('takedown_requested');
    const all = await settledDeliveries(api, background, owner, release.id, 4);
    const takedowns = all.filter((d) => d.kind === 'takedown');
    expect(takedowns.map((d) => d.state)).toEqual(['uploaded', 'uploaded']);
    for (const delivery of takedowns) {
      const first = sent.find((d) => d.partnerId === delivery.partnerId);
      expect(delivery.messageThreadId).toBe(first?.messageThreadId);
      const partner = delivery.partnerId === s3Partner.id ? s3Partner : batchPartner;
      expect((await postSignedCallback(api, partner, ingested(delivery.messageId))).status).toBe(202);
    }
    await releaseInState(api, background, owner, release.id, 'taken_down');
  });
});
