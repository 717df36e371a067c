import type { Readable } from 'node:stream';
import SftpClient from 'ssh2-sftp-client';
import type { VettedTarget } from '../security/outbound-guard.ts';
import { joinPath, type Transport, TransportError } from './transport.ts';

export interface SftpSettings {
  port: number;
  username: string;
  password?: string;
  privateKey?: string;
  root: string;
  timeoutMs: number;
}

const wrap = (what: string, error: unknown) =>
  new TransportError(`SFTP ${what}: ${(error as Error).message.replace(/^[a-z]+: /i, '')}`);

/**
 * SFTP to a partner. ssh2 takes no `lookup`, so the caller vets the host first and we connect to the
 * vetted address: a second DNS answer (rebinding) cannot redirect the connection.
 */
export async function openSftpTransport(target: VettedTarget, settings: SftpSettings): Promise<Transport> {
  const client = new SftpClient();
  try {
    await client.connect({
      host: target.address,
      port: settings.port,
      username: settings.username,
      ...(settings.password ? { password: settings.password } : {}),
      ...(settings.privateKey ? { privateKey: settings.privateKey } : {}),
      readyTimeout: settings.timeoutMs,
      retries: 0,
    });
  } catch (error) {
    await client.end().catch(() => {});
    throw wrap(`cannot connect to ${target.host}`, error);
  }
  // Every SFTP request waits for its answer: with Nagle's algorithm each small request can sit out a delayed
  // ACK (40 ms), which made a 5 MB upload take 25 s against a local partner. ssh2-sftp-client does not type
  // the ssh2 connection it wraps, hence the cast.
  (client as unknown as { client?: { setNoDelay?(on: boolean): void } }).client?.setNoDelay?.(true);
  const full = (path: string) => joinPath(settings.root, path);
  const madeFolders = new Set<string>();
  return {
    async size(path) {
      try {
        const stat = await client.stat(full(path));
        return stat.size;
      } catch (error) {
        if (
          (error as { code?: number | string }).code === 2 ||
          /No such file/i.test((error as Error).message)
        )
          return null;
        throw wrap(`stat ${path}`, error);
      }
    },
    async read(path) {
      try {
        return (await client.get(full(path))) as Buffer;
      } catch (error) {
        throw wrap(`read ${path}`, error);
      }
    },
    async put(path, body: Buffer | Readable) {
      const folder = full(path).split('/').slice(0, -1).join('/');
      try {
        if (folder && !madeFolders.has(folder)) {
          if (!(await client.exists(folder))) await client.mkdir(folder, true);
          madeFolders.add(folder);
        }
        await client.put(body, full(path));
      } catch (error) {
        throw wrap(`upload ${path}`, error);
      }
    },
    async list(folder) {
      try {
        if (!(await client.exists(full(folder)))) return [];
        const entries = await client.list(full(folder));
        return entries.filter((entry) => entry.type === '-').map((entry) => entry.name);
      } catch (error) {
        throw wrap(`list ${folder}`, error);
      }
    },
    async close() {
      await client.end().catch(() => {});
    },
  };
}
