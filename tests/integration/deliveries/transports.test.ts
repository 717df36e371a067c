import { Readable } from 'node:stream';
import { openPartnerTransport } from '@soundcheck/api/partners/open-transport.ts';
import { vetOutboundHost } from '@soundcheck/api/security/outbound-guard.ts';
import { openS3Transport } from '@soundcheck/api/transports/s3-transport.ts';
import { openSftpTransport } from '@soundcheck/api/transports/sftp-transport.ts';
import { type Transport, TransportError } from '@soundcheck/api/transports/transport.ts';
import type { SftpMock } from 'soundcheck/mocks/sftp-mock.ts';
import { describe, expect, test } from '../../utils/test.ts';

const allowLocalhost = { allowlist: ['localhost'] };

async function sftpTransport(sftp: SftpMock, password = sftp.password): Promise<Transport> {
  return openSftpTransport(await vetOutboundHost('localhost', allowLocalhost), {
    port: sftp.port,
    username: sftp.username,
    password,
    root: '/',
    timeoutMs: 4_000,
  });
}

/** Every transport must behave the same way to the delivery job: this is the contract it relies on. */
async function expectTransportContract(transport: Transport, folder: string) {
  const message = Buffer.from('<NewReleaseMessage/>');
  const audio = Buffer.alloc(300_000, 7);
  expect(await transport.size(`${folder}/missing.xml`)).toBeNull();
  expect(await transport.list(`${folder}/nowhere`)).toEqual([]);
  await transport.put(
    `${folder}/rel/resources/a.flac`,
    Readable.from([audio.subarray(0, 1000), audio.subarray(1000)]),
    audio.length,
  );
  await transport.put(`${folder}/rel/rel.xml`, message, message.length);
  expect(await transport.size(`${folder}/rel/resources/a.flac`)).toBe(audio.length);
  expect(await transport.read(`${folder}/rel/rel.xml`)).toEqual(message);
  // Only files directly in the folder, not sub-folders.
  expect(await transport.list(`${folder}/rel`)).toEqual(['rel.xml']);
  // A second write replaces the file (a resumed upload rewrites a partial one).
  await transport.put(`${folder}/rel/rel.xml`, Buffer.from('<x/>'), 4);
  expect((await transport.read(`${folder}/rel/rel.xml`)).toString()).toBe('<x/>');
}

describe('partner transports against the mock partners', {
  tags: ['integration', 'delivery', 'external_deps'],
}, () => {
  test('SFTP: streamed upload into new folders, size, read, list, overwrite; the partner saw each file', async ({
    sftp,
  }) => {
    sftp.reset();
    const transport = await sftpTransport(sftp);
    try {
      await expectTransportContract(transport, 'contract');
    } finally {
      await transport.close();
    }
    expect(sftp.received.map((file) => [file.path, file.sizeBytes])).toEqual([
      ['contract/rel/resources/a.flac', 300_000],
      ['contract/rel/rel.xml', 20],
      ['contract/rel/rel.xml', 4],
    ]);
  });

  test('SFTP: a wrong password, a refused file and a dropped connection are TransportErrors naming what failed', async ({
    sftp,
  }) => {
    sftp.reset();
    await expect(sftpTransport(sftp, 'wrong')).rejects.toThrow(
      expect.objectContaining({
        name: 'TransportError',
        message: expect.stringMatching(/^SFTP cannot connect to localhost/),
      }),
    );
    const transport = await sftpTransport(sftp);
    try {
      sftp.scenario('/refused', { status: 4, times: 1 });
      await expect(transport.put('refused/a.xml', Buffer.from('a'), 1)).rejects.toThrow(
        expect.objectContaining({
          name: 'TransportError',
          message: expect.stringMatching(/^SFTP upload refused\/a\.xml/),
        }),
      );
      sftp.scenario('/dropped', { dropConnection: true, times: 1 });
      await expect(transport.put('dropped/a.xml', Buffer.from('a'), 1)).rejects.toBeInstanceOf(
        TransportError,
      );
    } finally {
      await transport.close();
    }
    expect(sftp.received).toEqual([]);
  });

  test('S3: the same contract on a bucket prefix; an error answer is a TransportError', async ({ mocks }) => {
    const transport = openS3Transport(
      {
        endpoint: mocks.s3.url.replace('127.0.0.1', 'localhost'),
        bucket: 'transport-bucket',
        prefix: 'incoming',
        accessKeyId: 'k',
        secretAccessKey: 's',
        timeoutMs: 4_000,
      },
      allowLocalhost,
    );
    try {
      await expectTransportContract(transport, 'contract');
      expect(
        [...mocks.s3.objects.keys()].filter((key) => key.startsWith('transport-bucket/')).sort(),
      ).toEqual([
        'transport-bucket/incoming/contract/rel/rel.xml',
        'transport-bucket/incoming/contract/rel/resources/a.flac',
      ]);
      mocks.s3.scenario('/transport-bucket/incoming/broken', { status: 500, times: 1 });
      await expect(transport.put('broken.xml', Buffer.from('a'), 1)).rejects.toThrow(
        expect.objectContaining({
          name: 'TransportError',
          message: expect.stringMatching(/^S3 put broken\.xml/),
        }),
      );
    } finally {
      await transport.close();
    }
  });

  test('a partner host that is not allowlisted is refused when connecting, before any byte is sent', async ({
    deps,
    mocks,
    sftp,
  }) => {
    sftp.reset();
    const config = { ...deps.config, outboundAllowlist: [] };
    const partner = (transport: unknown) => ({ id: 'p', transport, credentials: {} }) as never;
    await expect(
      openPartnerTransport(
        config,
        partner({
          kind: 'sftp',
          host: 'localhost',
          port: sftp.port,
          username: 'u',
          auth: 'password',
          root: '/',
        }),
      ),
    ).rejects.toThrow(/^refused: localhost resolves to a loopback address/);
    const s3 = await openPartnerTransport(
      config,
      partner({
        kind: 's3',
        endpoint: `https://localhost:${new URL(mocks.s3.url).port}`,
        bucket: 'b',
        prefix: '',
        accessKeyId: 'k',
      }),
    ).catch((error: Error) => error);
    expect(s3).toBeInstanceOf(TransportError);
    expect((s3 as Error).message).toMatch(/^refused: localhost resolves to a loopback address/);
    expect(mocks.s3.requestsTo('/b')).toEqual([]);
  });
});
