import { inject } from 'vitest';

/** What the pre-test phase found, shared with every test worker. */
export interface Services {
  /** Admin URL of a reachable PostgreSQL server, or null (tests then use embedded PGlite). */
  postgres: string | null;
  /** URL of a reachable Redis server, or null (tests then use the embedded stand-in; `redis` tests skip). */
  redis: string | null;
  /** The migrated template database each test file clones. */
  template: string | null;
  /** Without PostgreSQL: a dump of a migrated PGlite that each test file loads. */
  pgliteTemplate: string | null;
  clonePrefix: string;
  runToken: string;
  /** Black-box mode: the deployment under test (SOUNDCHECK_TARGET). */
  target: string | null;
  /** Reasons for each missing service, with how to start it. */
  missing: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    services: Services;
  }
}

export const services = (): Services => inject('services');
