import { signCallback } from '@soundcheck/api/deliveries/callback-signature.ts';
import { sweepDeliveries } from '@soundcheck/api/deliveries/sweep.ts';
import { SftpMock } from 'soundcheck/mocks/sftp-mock.ts';
import { afterAll, beforeAll } from 'vitest';
import { approvedReleaseWithAssets } from '../../factories/deliverable-release.ts';
import { createPartner, s3Transport, sftpTransport } from '../../factories/partners.ts';
import { expectBatchChoreography } from '../../utils/choreography-check.ts';
import { describe, expect, test } from '../../utils/test.ts';

const sftp = new SftpMock({ name: 'dsp-sftp' });
beforeAll(() => sftp.start());
afterAll(() => sftp.stop());

interface Delivery {
  id: string;
  partnerId: string;
  kind: string;
  state: string;
  batchId: string | null;
  messageId: string;
  messageThreadId: string;
  lastError: string | null;
  events: Array<{ state: string; detail: string }>;
}

const ackXml = (
  messageId: string,
  fileStatus: string,
  releaseStatus: string,
  upc: string,
  errorText = '',
) => `<?xml version="1.0"?>
<echo:AcknowledgementMessage xmlns:echo="http://ddex.net/xml/ern-c-sftp/18">
  <AcknowledgedMessage><MessageId>${messageId}</MessageId><FileStatus>${fileStatus}</FileStatus></AcknowledgedMessage>
  <AcknowledgedRelease><ReleaseId><ICPN>${upc}</ICPN></ReleaseId><ReleaseStatus>${releaseStatus}</ReleaseStatus>${errorText ? `<ErrorText>${errorText}</ErrorText>` : ''}</AcknowledgedRelease>
</echo:AcknowledgementMessage>`;

function callback(secret: string, body: object, at = Math.floor(Date.now() / 1000)) {
  const raw = Buffer.from(JSON.stringify(body));
  const timestamp = String(at);
  return {
    raw,
    headers: {
      'content-type': 'application/json',
      'x-timestamp': timestamp,
      'x-signature': signCallback(secret, timestamp, raw),
    },
  };
}

describe('a release delivered to two partners', {
  tags: ['e2e', 'delivery', 'external_deps', 'slow'],
}, () => {
  test('SFTP batch and S3 release-by-release, acknowledged by ACK file and by callback → delivered; then a takedown', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
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
    await deps.queue.drain();

    const list = await api.as(owner).get<{ items: Delivery[] }>(`/v1/deliveries?releaseId=${release.id}`);
    expect(list.body.items.map((d) => [d.kind, d.state]).sort()).toEqual([
      ['new', 'uploaded'],
      ['new', 'uploaded'],
    ]);
    const viaSftp = list.body.items.find((d) => d.partnerId === batchPartner.id) as Delivery;
    const viaS3 = list.body.items.find((d) => d.partnerId === s3Partner.id) as Delivery;
    expect(viaSftp.batchId).toMatch(/^\d{17}$/);
    expect(viaS3.batchId).toBeNull();

    // The SFTP partner saw the DDEX choreography: resources, message, BatchComplete last.
    const batchId = viaSftp.batchId as string;
    const manifest = sftp.read(`${batchId}/BatchComplete_${batchId}.xml`).toString('utf8');
    expectBatchChoreography(sftp.received, batchId, release.upc, manifest);
    // The S3 partner got a release folder with the message last.
    const s3Keys = [...mocks.s3.objects.keys()].filter((key) => key.startsWith('dsp-bucket/incoming/'));
    expect(s3Keys.some((key) => key.endsWith(`/${release.upc}.xml`))).toBe(true);

    // The ERN served is the one delivered.
    const ern = await api.as(owner).get(`/v1/deliveries/${viaSftp.id}/ern`);
    expect(ern.status).toBe(200);
    expect(ern.text).toBe(sftp.read(`${batchId}/${release.upc}/${release.upc}.xml`).toString('utf8'));

    // ACK file on SFTP (polled) and a signed callback from the S3 partner.
    sftp.dropAck(
      `ACK_${batchId}_${release.upc}.xml`,
      ackXml(viaSftp.messageId, 'FileOK', 'SuccessfullyIngestedByReleaseDistributor', release.upc),
    );
    sftp.dropAck('README.txt', 'not an acknowledgement');
    await sweepDeliveries(deps);
    const signed = callback(s3Partner.callbackSecret, {
      messageId: viaS3.messageId,
      releaseStatus: 'SuccessfullyIngestedByReleaseDistributor',
      fileStatus: 'FileOK',
    });
    const accepted = await api.request({
      method: 'POST',
      path: `/v1/partner-callbacks/${s3Partner.id}`,
      payload: signed.raw,
      headers: signed.headers,
    });
    expect(accepted.status).toBe(202);
    const replayed = await api.request({
      method: 'POST',
      path: `/v1/partner-callbacks/${s3Partner.id}`,
      payload: signed.raw,
      headers: signed.headers,
    });
    expect(replayed.status).toBe(401);

    const delivered = await api
      .as(owner)
      .get<{ state: string; firstDeliveredAt: string | null }>(`/v1/releases/${release.id}`);
    expect(delivered.body.state).toBe('delivered');
    expect(delivered.body.firstDeliveredAt).not.toBeNull();

    // Takedown: one takedown message per partner holding the release, acknowledged → taken_down.
    const takedown = await api.as(owner).post<{ state: string }>(`/v1/releases/${release.id}/takedown`);
    expect(takedown.body.state).toBe('takedown_requested');
    await deps.queue.drain();
    const takedowns = (
      await api.as(owner).get<{ items: Delivery[] }>(`/v1/deliveries?releaseId=${release.id}&state=uploaded`)
    ).body.items;
    expect(takedowns.map((d) => d.kind)).toEqual(['takedown', 'takedown']);
    for (const delivery of takedowns)
      expect(delivery.messageThreadId).toBe(
        list.body.items.find((d) => d.partnerId === delivery.partnerId)?.messageThreadId,
      );
    for (const delivery of takedowns) {
      const partner = delivery.partnerId === s3Partner.id ? s3Partner : batchPartner;
      const body = callback(partner.callbackSecret, {
        messageId: delivery.messageId,
        releaseStatus: 'SuccessfullyIngestedByReleaseDistributor',
        fileStatus: 'FileOK',
      });
      expect(
        (
          await api.request({
            method: 'POST',
            path: `/v1/partner-callbacks/${partner.id}`,
            payload: body.raw,
            headers: body.headers,
          })
        ).status,
      ).toBe(202);
    }
    expect((await api.as(owner).get<{ state: string }>(`/v1/releases/${release.id}`)).body.state).toBe(
      'taken_down',
    );
  });
});
