import { Agent, type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from 'undici';

/** Thrown for an outbound HTTP request to an origin no mock covers. */
export class UnmockedRequestError extends Error {
  override name = 'UnmockedRequestError';
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Refuses outbound HTTP (undici and Node's fetch) to any origin not allowed — the mocks' and the target's —
 * and remembers each refusal so the test that caused it can be failed with the URL. With `allowLoopback`,
 * every local server passes (servers a test starts itself, such as an API process); only the outside
 * world is refused.
 */
export class OutboundGuard {
  readonly refused: string[] = [];
  readonly #allowed = new Set<string>();
  readonly #allowLoopback: boolean;
  #previous: Dispatcher | null = null;

  constructor(options: { allowLoopback?: boolean } = {}) {
    this.#allowLoopback = options.allowLoopback ?? false;
  }

  allow(url: string): this {
    this.#allowed.add(new URL(url).origin);
    return this;
  }

  isAllowed(url: string): boolean {
    const { origin, protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return true;
    return this.#allowed.has(origin) || (this.#allowLoopback && LOOPBACK.has(hostname));
  }

  /** Installs the guard as the process's global dispatcher until `uninstall`. */
  install(): void {
    if (this.#previous) return;
    this.#previous = getGlobalDispatcher();
    const agent = new Agent().compose((dispatch) => (options, handler) => {
      const url = new URL(options.path, String(options.origin)).toString();
      if (!this.isAllowed(url)) {
        this.refused.push(`${options.method} ${url}`);
        throw new UnmockedRequestError(`outbound request to ${url} is not covered by any mock`);
      }
      return dispatch(options, handler);
    });
    setGlobalDispatcher(agent);
  }

  uninstall(): void {
    if (this.#previous) setGlobalDispatcher(this.#previous);
    this.#previous = null;
  }

  /** Throws naming every refused request since the last call, then forgets them. */
  assertNoneRefused(): void {
    const refused = this.refused.splice(0);
    if (refused.length)
      throw new UnmockedRequestError(`outbound requests not covered by any mock: ${refused.join(', ')}`);
  }
}
