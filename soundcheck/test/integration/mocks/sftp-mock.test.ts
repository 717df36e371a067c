import { createHash } from 'node:crypto';
import { SftpMock } from 'soundcheck/mocks/sftp-mock.ts';
import SftpClient from 'ssh2-sftp-client';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';

const mock = new SftpMock({ username: 'dsp', password: 'secret-pw' });
beforeAll(() => mock.start());
afterAll(() => mock.stop());
beforeEach(() => mock.reset());

async function connect(password = 'secret-pw'): Promise<SftpClient> {
  const client = new SftpClient();
  await client.connect({ host: '127.0.0.1', port: mock.port, username: 'dsp', password, readyTimeout: 5000 });
  return client;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('the SFTP partner mock', { tags: ['integration', 'harness', 'delivery'] }, () => {
  test('records uploads in order with size and SHA-256', async () => {
    const client = await connect();
    try {
      const audio = Buffer.alloc(300_000, 7);
      const message = Buffer.from('<ern:NewReleaseMessage/>');
      await client.mkdir('/batch/resources', true);
      await client.put(audio, '/batch/resources/A1.wav');
      await client.put(message, '/batch/message.xml');
      expect(mock.received.map(({ path, sizeBytes, sha256: hash }) => ({ path, sizeBytes, hash }))).toEqual([
        { path: 'batch/resources/A1.wav', sizeBytes: 300_000, hash: sha256(audio) },
        { path: 'batch/message.xml', sizeBytes: message.length, hash: sha256(message) },
      ]);
      expect(mock.read('batch/message.xml').equals(message)).toBe(true);
    } finally {
      await client.end();
    }
  });

  test('exposes dropped ACK files in acknowledgements/', async () => {
    mock.dropAck('ACK_20250101.xml', '<Ack/>');
    const client = await connect();
    try {
      expect((await client.list('/acknowledgements')).map((entry) => entry.name)).toEqual([
        'ACK_20250101.xml',
      ]);
      expect((await client.get('/acknowledgements/ACK_20250101.xml')).toString()).toBe('<Ack/>');
    } finally {
      await client.end();
    }
  });

  test('refuses a wrong password', async () => {
    await expect(connect('wrong')).rejects.toThrow(/authentication/i);
  });

  test('a status scenario fails the upload of matching paths', async () => {
    mock.scenario('/batch', { status: 4, times: 1 });
    const client = await connect();
    try {
      await expect(client.put(Buffer.from('x'), '/batch.xml')).rejects.toThrow();
      expect(mock.received).toEqual([]);
      await client.put(Buffer.from('x'), '/batch.xml');
      expect(mock.received.map((file) => file.path)).toEqual(['batch.xml']);
    } finally {
      await client.end();
    }
  });

  test('keeps clients inside its root', async () => {
    const client = await connect();
    try {
      await client.put(Buffer.from('x'), '/../../escape.txt');
      expect(mock.received.map((file) => file.path)).toEqual(['escape.txt']);
    } finally {
      await client.end();
    }
  });
});
