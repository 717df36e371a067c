import { afterEach, beforeEach, inject } from 'vitest';

/** What Stryker's instrumented code reads and writes on `globalThis.__stryker__`. */
interface StrykerNamespace {
  activeMutant?: string;
  currentTestId?: string;
  hitCount?: number;
  hitLimit?: number;
  mutantCoverage?: { static: Record<string, number>; perTest: Record<string, Record<string, number>> };
}

declare module 'vitest' {
  interface ProvidedContext {
    strykerActiveMutant: string | null;
    strykerHitLimit: number | null;
    /** The sandbox's (instrumented) blind-spot.ts, which this setup runs before every test file. */
    strykerBlindSpot: string | null;
  }
  interface TaskMeta {
    /** How often this test (or the loading of its file) executed each mutant, by mutant id. */
    strykerHits?: Record<string, number>;
    /** How often the active mutant had executed in this test's file by the end of this test. */
    strykerActiveHits?: number;
  }
}

// Runs in the test worker before the test file is imported, so the mutant is active while the code under
// test loads (static mutants) and while it runs; coverage starts afresh for every file.
// Updated in place: instrumented modules a worker already loaded keep a reference to this object.
const holder = globalThis as { __stryker__?: StrykerNamespace };
holder.__stryker__ ??= {};
const namespace: StrykerNamespace = holder.__stryker__;
const limit = inject('strykerHitLimit');
namespace.activeMutant = inject('strykerActiveMutant') ?? undefined;
namespace.hitLimit = limit ?? Number.POSITIVE_INFINITY;
// Counted even without a limit: a test that fails before the active mutant ever ran cannot blame it.
namespace.hitCount = 0;
namespace.mutantCoverage = { static: {}, perTest: {} };
// Executed for every test, observed by none: its mutants must survive (blind-spot.ts).
const blindSpotFile = inject('strykerBlindSpot');
if (blindSpotFile) {
  const { blindSpot } = (await import(blindSpotFile)) as typeof import('./blind-spot.ts');
  blindSpot();
}

beforeEach(({ task }) => {
  namespace.currentTestId = task.id;
});

afterEach(({ task }) => {
  const coverage = namespace.mutantCoverage ?? { static: {}, perTest: {} };
  // Mutants executed while the file loaded (or in hooks) count for every test of the file. The counts
  // matter: Stryker stops a mutant run after 100 times the hits of the dry run (an endless loop).
  const hits: Record<string, number> = { ...coverage.static };
  for (const [id, count] of Object.entries(coverage.perTest[task.id] ?? {}))
    hits[id] = (hits[id] ?? 0) + count;
  task.meta.strykerHits = hits;
  task.meta.strykerActiveHits = namespace.hitCount ?? 0;
  namespace.currentTestId = undefined;
});
