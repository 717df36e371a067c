import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmdirSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import ssh2, { type Attributes, type SFTPWrapper } from 'ssh2';
import type { Scenario } from './scenario.ts';

const { OPEN_MODE, STATUS_CODE } = ssh2.utils.sftp;

type Handle =
  | { kind: 'file'; fd: number; path: string; writing: boolean }
  | { kind: 'dir'; path: string; listed: boolean };

function attrsOf(stats: Stats): Attributes {
  return {
    mode: stats.mode,
    uid: stats.uid,
    gid: stats.gid,
    size: stats.size,
    atime: Math.floor(stats.atimeMs / 1000),
    mtime: Math.floor(stats.mtimeMs / 1000),
  };
}

/** What the SFTP mock decides; the protocol below only maps requests onto files. */
export interface SftpFileSystemHooks {
  /** Maps an SFTP path onto the mock's root directory; throws for a path outside it. */
  resolve(sftpPath: string): string;
  /** The scenario for a file about to be opened (after its delay), or `dropped` when the session ended. */
  beforeOpen(sftpPath: string): Promise<Scenario | 'dropped' | undefined>;
  /** A file written by the client was closed. */
  uploaded(sftpPath: string): void;
}

/** Serves one SFTP session's requests on the local file system: open, read, write, list, stat, mkdir… */
export function serveFileSystem(sftp: SFTPWrapper, hooks: SftpFileSystemHooks): void {
  const handles = new Map<number, Handle>();
  let nextHandle = 1;
  const open = (handle: Handle) => {
    const id = nextHandle++;
    handles.set(id, handle);
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32BE(id);
    return buffer;
  };
  const handleOf = (buffer: Buffer) => (buffer.length === 4 ? handles.get(buffer.readUInt32BE()) : undefined);
  // Every request answers a status on failure, so a client never hangs on a mock error.
  const guard = (reqId: number, work: () => void) => {
    try {
      work();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      sftp.status(
        reqId,
        code === 'ENOENT' ? STATUS_CODE.NO_SUCH_FILE : STATUS_CODE.FAILURE,
        (error as Error).message,
      );
    }
  };

  sftp.on('OPEN', (reqId, filename, flags) => {
    void hooks.beforeOpen(filename).then((scenario) => {
      if (scenario === 'dropped') return;
      if (scenario?.status || scenario?.rateLimit) {
        sftp.status(reqId, STATUS_CODE.FAILURE, scenario.body ?? 'refused by mock scenario');
        return;
      }
      guard(reqId, () => {
        const writing = (flags & OPEN_MODE.WRITE) !== 0;
        const mode = writing ? ((flags & OPEN_MODE.APPEND) !== 0 ? 'a' : 'w') : 'r';
        const fd = openSync(hooks.resolve(filename), mode);
        sftp.handle(reqId, open({ kind: 'file', fd, path: filename, writing }));
      });
    });
  });
  sftp.on('WRITE', (reqId, buffer, offset, data) =>
    guard(reqId, () => {
      const handle = handleOf(buffer);
      if (handle?.kind !== 'file') throw new Error('bad handle');
      writeSync(handle.fd, data, 0, data.length, offset);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('READ', (reqId, buffer, offset, length) =>
    guard(reqId, () => {
      const handle = handleOf(buffer);
      if (handle?.kind !== 'file') throw new Error('bad handle');
      const chunk = Buffer.alloc(length);
      const read = readSync(handle.fd, chunk, 0, length, offset);
      if (read === 0) sftp.status(reqId, STATUS_CODE.EOF);
      else sftp.data(reqId, chunk.subarray(0, read));
    }),
  );
  sftp.on('FSTAT', (reqId, buffer) =>
    guard(reqId, () => {
      const handle = handleOf(buffer);
      if (handle?.kind !== 'file') throw new Error('bad handle');
      sftp.attrs(reqId, attrsOf(fstatSync(handle.fd)));
    }),
  );
  sftp.on('CLOSE', (reqId, buffer) =>
    guard(reqId, () => {
      const handle = handleOf(buffer);
      if (!handle) throw new Error('bad handle');
      handles.delete(buffer.readUInt32BE());
      if (handle.kind === 'file') {
        closeSync(handle.fd);
        if (handle.writing) hooks.uploaded(handle.path);
      }
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('OPENDIR', (reqId, dir) =>
    guard(reqId, () => {
      if (!statSync(hooks.resolve(dir)).isDirectory()) throw new Error('not a directory');
      sftp.handle(reqId, open({ kind: 'dir', path: dir, listed: false }));
    }),
  );
  sftp.on('READDIR', (reqId, buffer) =>
    guard(reqId, () => {
      const handle = handleOf(buffer);
      if (handle?.kind !== 'dir') throw new Error('bad handle');
      if (handle.listed) {
        sftp.status(reqId, STATUS_CODE.EOF);
        return;
      }
      handle.listed = true;
      const dir = hooks.resolve(handle.path);
      const entries = readdirSync(dir).map((filename) => {
        const stats = statSync(path.join(dir, filename));
        return {
          filename,
          longname: `${stats.isDirectory() ? 'd' : '-'}rw-r--r-- 1 partner partner ${stats.size} ${filename}`,
          attrs: attrsOf(stats),
        };
      });
      if (entries.length) sftp.name(reqId, entries);
      else sftp.status(reqId, STATUS_CODE.EOF);
    }),
  );
  const stat = (reqId: number, target: string) =>
    guard(reqId, () => sftp.attrs(reqId, attrsOf(statSync(hooks.resolve(target)))));
  sftp.on('STAT', stat);
  sftp.on('LSTAT', stat);
  sftp.on('REALPATH', (reqId, target) =>
    guard(reqId, () => {
      const resolved = path.posix.resolve('/', target);
      sftp.name(reqId, [{ filename: resolved, longname: resolved, attrs: {} as Attributes }]);
    }),
  );
  const ok = (reqId: number, work: () => void) =>
    guard(reqId, () => {
      work();
      sftp.status(reqId, STATUS_CODE.OK);
    });
  sftp.on('MKDIR', (reqId, dir) => ok(reqId, () => mkdirSync(hooks.resolve(dir))));
  sftp.on('RMDIR', (reqId, dir) => ok(reqId, () => rmdirSync(hooks.resolve(dir))));
  sftp.on('REMOVE', (reqId, file) => ok(reqId, () => unlinkSync(hooks.resolve(file))));
  sftp.on('RENAME', (reqId, from, to) => ok(reqId, () => renameSync(hooks.resolve(from), hooks.resolve(to))));
  sftp.on('SETSTAT', (reqId) => sftp.status(reqId, STATUS_CODE.OK));
  sftp.on('FSETSTAT', (reqId) => sftp.status(reqId, STATUS_CODE.OK));
}
