import type { MockService } from './mock-service.ts';

/** Registers, starts, resets and stops the mocks of the third parties a system under test talks to. */
export class MockServiceManager {
  readonly #mocks = new Map<string, MockService>();

  /** Adds a mock under its name; returns it so the caller keeps its concrete type. */
  registerMock<T extends MockService>(mock: T): T {
    if (this.#mocks.has(mock.name)) throw new Error(`a mock named ${mock.name} is already registered`);
    this.#mocks.set(mock.name, mock);
    return mock;
  }

  /** The mock registered under `name`, checked to be an instance of `type`. */
  getMock<T extends MockService>(name: string, type: abstract new (...args: never[]) => T): T {
    const mock = this.#mocks.get(name);
    if (!mock)
      throw new Error(`no mock named ${name}; registered: ${[...this.#mocks.keys()].join(', ') || 'none'}`);
    if (!(mock instanceof type))
      throw new Error(`mock ${name} is a ${mock.constructor.name}, not a ${type.name}`);
    return mock;
  }

  /** Where each mock listens, by name. */
  urls(): Record<string, string> {
    return Object.fromEntries([...this.#mocks].map(([name, mock]) => [name, mock.url]));
  }

  async startAll(): Promise<void> {
    await Promise.all([...this.#mocks.values()].map((mock) => mock.start()));
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.#mocks.values()].map((mock) => mock.stop()));
  }

  /** Forgets every recorded request and scenario, so tests never see each other's traffic. */
  resetAllMocks(): void {
    for (const mock of this.#mocks.values()) mock.reset();
  }
}
