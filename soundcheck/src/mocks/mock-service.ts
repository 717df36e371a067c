/** A real local server standing in for a third party, controlled and inspected by tests. */
export interface MockService {
  readonly name: string;
  /** Where it listens once started (`http://127.0.0.1:<port>`, `smtp://…`, `sftp://…`). */
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Forgets what it received and every scenario, keeping what was configured at construction. */
  reset(): void;
}

export function notStarted(name: string): never {
  throw new Error(`mock ${name} is not started; call start() (or MockServiceManager.startAll()) first`);
}
