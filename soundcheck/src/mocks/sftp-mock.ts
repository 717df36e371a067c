import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmdirSync,
  rmSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ssh2, { type Attributes, type Connection, type SFTPWrapper } from 'ssh2';
import { type MockService, notStarted } from './mock-service.ts';
import { type Scenario, ScenarioBook } from './scenario.ts';

const { Server, utils } = ssh2;
const { OPEN_MODE, STATUS_CODE } = utils.sftp;

/** A file the partner received, in the order uploads completed. */
export interface ReceivedFile {
  /** Path inside the partner's root, `/`-separated, without a leading slash. */
  path: string;
  sizeBytes: number;
  sha256: string;
  at: number;
}

type Handle =
  | { kind: 'file'; fd: number; path: string; writing: boolean }
  | { kind: 'dir'; path: string; listed: boolean };

const ACK_FOLDER = 'acknowledgements';

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

/**
 * A partner's SFTP server: password login, files kept in a temporary directory, an `acknowledgements/`
 * folder the test drops ACK files into. Scenarios (key `*`, or a path prefix such as `/resources`) apply
 * when a file is opened: `status` fails the open, `dropConnection` ends the session, `delayMs` waits.
 * The host key is generated at start (RSA, PEM), so no native bindings or key files are needed.
 */
export class SftpMock implements MockService {
  readonly name: string;
  readonly username: string;
  readonly password: string;
  readonly received: ReceivedFile[] = [];
  readonly #scenarios = new ScenarioBook();
  readonly #connections = new Set<Connection>();
  #root: string | null = null;
  #server: InstanceType<typeof Server> | null = null;
  #url: string | null = null;

  constructor(options: { name?: string; username?: string; password?: string } = {}) {
    this.name = options.name ?? 'sftp';
    this.username = options.username ?? 'partner';
    this.password = options.password ?? 'partner-password';
  }

  get url(): string {
    return this.#url ?? notStarted(this.name);
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** The directory holding the partner's files. */
  get root(): string {
    return this.#root ?? notStarted(this.name);
  }

  scenario(pathPrefix: string, scenario: Scenario): this {
    this.#scenarios.set(pathPrefix, scenario);
    return this;
  }

  /** Writes an acknowledgement file into `acknowledgements/`, as the partner does after ingestion. */
  dropAck(fileName: string, content: string | Buffer): string {
    if (fileName.includes('/') || fileName.startsWith('.')) throw new Error(`bad ACK file name ${fileName}`);
    const file = path.join(this.root, ACK_FOLDER, fileName);
    writeFileSync(file, content);
    return `${ACK_FOLDER}/${fileName}`;
  }

  /** The content of a file the partner holds. */
  read(relativePath: string): Buffer {
    return readFileSync(this.#resolve(relativePath));
  }

  reset(): void {
    this.received.length = 0;
    this.#scenarios.clear();
    if (this.#root) {
      rmSync(this.#root, { recursive: true, force: true });
      mkdirSync(path.join(this.#root, ACK_FOLDER), { recursive: true });
    }
  }

  async start(): Promise<void> {
    if (this.#server) return;
    this.#root = mkdtempSync(path.join(tmpdir(), 'sftp-mock-'));
    mkdirSync(path.join(this.#root, ACK_FOLDER));
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
    });
    const server = new Server({ hostKeys: [privateKey] }, (client) => this.#onClient(client));
    server.on('error', () => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.#server = server;
    this.#url = `sftp://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    for (const connection of this.#connections) connection.end();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (this.#root) rmSync(this.#root, { recursive: true, force: true });
  }

  /** Maps an SFTP path onto the root; anything escaping it is refused. */
  #resolve(sftpPath: string): string {
    const root = this.root;
    const resolved = path.resolve(root, `.${path.posix.resolve('/', sftpPath)}`);
    if (resolved !== root && !resolved.startsWith(`${root}${path.sep}`)) throw new Error('outside the root');
    return resolved;
  }

  #onClient(client: Connection): void {
    this.#connections.add(client);
    client.on('close', () => this.#connections.delete(client));
    client.on('error', () => {});
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password' && ctx.username === this.username && ctx.password === this.password)
        ctx.accept();
      else ctx.reject(['password']);
    });
    client.on('ready', () => {
      // Without it every answer can wait out a delayed ACK: uploads crawl at a few hundred kB/s.
      (client as unknown as { setNoDelay(on: boolean): void }).setNoDelay(true);
      client.on('session', (acceptSession) => {
        acceptSession().on('sftp', (acceptSftp) => this.#serve(acceptSftp(), client));
      });
    });
  }

  #serve(sftp: SFTPWrapper, client: Connection): void {
    const handles = new Map<number, Handle>();
    let nextHandle = 1;
    const open = (handle: Handle) => {
      const id = nextHandle++;
      handles.set(id, handle);
      const buffer = Buffer.alloc(4);
      buffer.writeUInt32BE(id);
      return buffer;
    };
    const handleOf = (buffer: Buffer) =>
      buffer.length === 4 ? handles.get(buffer.readUInt32BE()) : undefined;
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
      void this.#beforeOpen(filename, client).then((scenario) => {
        if (scenario === 'dropped') return;
        if (scenario?.status || scenario?.rateLimit) {
          sftp.status(reqId, STATUS_CODE.FAILURE, scenario.body ?? 'refused by mock scenario');
          return;
        }
        guard(reqId, () => {
          const writing = (flags & OPEN_MODE.WRITE) !== 0;
          const mode = writing ? ((flags & OPEN_MODE.APPEND) !== 0 ? 'a' : 'w') : 'r';
          const fd = openSync(this.#resolve(filename), mode);
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
          if (handle.writing) this.#recordUpload(handle.path);
        }
        sftp.status(reqId, STATUS_CODE.OK);
      }),
    );
    sftp.on('OPENDIR', (reqId, dir) =>
      guard(reqId, () => {
        if (!statSync(this.#resolve(dir)).isDirectory()) throw new Error('not a directory');
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
        const dir = this.#resolve(handle.path);
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
      guard(reqId, () => sftp.attrs(reqId, attrsOf(statSync(this.#resolve(target)))));
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
    sftp.on('MKDIR', (reqId, dir) => ok(reqId, () => mkdirSync(this.#resolve(dir))));
    sftp.on('RMDIR', (reqId, dir) => ok(reqId, () => rmdirSync(this.#resolve(dir))));
    sftp.on('REMOVE', (reqId, file) => ok(reqId, () => unlinkSync(this.#resolve(file))));
    sftp.on('RENAME', (reqId, from, to) =>
      ok(reqId, () => renameSync(this.#resolve(from), this.#resolve(to))),
    );
    sftp.on('SETSTAT', (reqId) => sftp.status(reqId, STATUS_CODE.OK));
    sftp.on('FSETSTAT', (reqId) => sftp.status(reqId, STATUS_CODE.OK));
  }

  async #beforeOpen(filename: string, client: Connection): Promise<Scenario | 'dropped' | undefined> {
    const scenario = this.#scenarios.take(path.posix.resolve('/', filename));
    if (scenario?.delayMs) await sleep(scenario.delayMs);
    if (scenario?.dropConnection) {
      client.end();
      return 'dropped';
    }
    return scenario;
  }

  #recordUpload(sftpPath: string): void {
    const content = readFileSync(this.#resolve(sftpPath));
    this.received.push({
      path: path.posix.resolve('/', sftpPath).slice(1),
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      at: Date.now(),
    });
  }
}
