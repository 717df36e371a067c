import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ssh2, { type Connection } from 'ssh2';
import { type MockService, notStarted } from './mock-service.ts';
import { type Scenario, ScenarioBook } from './scenario.ts';
import { serveFileSystem } from './sftp-file-system.ts';

const { Server } = ssh2;

/** A file the partner received, in the order uploads completed. */
export interface ReceivedFile {
  /** Path inside the partner's root, `/`-separated, without a leading slash. */
  path: string;
  sizeBytes: number;
  sha256: string;
  at: number;
}

const ACK_FOLDER = 'acknowledgements';

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
        acceptSession().on('sftp', (acceptSftp) =>
          serveFileSystem(acceptSftp(), {
            resolve: (sftpPath) => this.#resolve(sftpPath),
            beforeOpen: (filename) => this.#beforeOpen(filename, client),
            uploaded: (sftpPath) => this.#recordUpload(sftpPath),
          }),
        );
      });
    });
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
