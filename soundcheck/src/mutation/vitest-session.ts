import { existsSync } from 'node:fs';
import path from 'node:path';
import { createVitest, type TestModule, type Vitest } from 'vitest/node';
import { blindSpotFile } from './blind-spot-file.ts';

/** One test's outcome in a run, with the mutants it executed. */
export interface RanTest {
  id: string;
  name: string;
  file: string;
  state: 'passed' | 'failed' | 'skipped';
  failure: string;
  /** Mutant id → how often the test executed it. */
  hits: Record<string, number>;
  /**
   * How often the active mutant had run in the test's file (its own worker) by the end of the test; null
   * when unknown (the test never reached its afterEach hook).
   */
  activeHits: number | null;
  durationMs: number;
}

/** A run: the tests that ran, and files that failed without a test to blame (an import that threw). */
export interface SessionRun {
  tests: RanTest[];
  brokenFiles: Array<{ file: string; message: string }>;
}

/**
 * One Vitest kept alive for a whole mutation run: each run re-imports the code under test in fresh
 * workers (isolation), with the active mutant handed to them through `provide`, so a mutant costs a test
 * run, not a Vitest start. `@soundcheck/api` is aliased into `root`, Stryker's sandbox: the workspace
 * link in node_modules would otherwise load the unmutated tree.
 */
export class VitestSession {
  private vitest: Vitest | undefined;
  private readonly root: string;
  private readonly project: string;
  private readonly setupFiles: string[] | undefined;

  constructor(root: string, project: string, setupFiles?: string[]) {
    this.root = root;
    this.project = project;
    this.setupFiles = setupFiles?.map((file) => path.resolve(root, file));
  }

  private async open(): Promise<Vitest> {
    this.vitest ??= await createVitest(
      {
        root: this.root,
        config: path.join(this.root, 'vitest.config.ts'),
        project: [this.project],
        watch: false,
        reporters: [],
      },
      {
        resolve: {
          alias: [
            { find: /^@soundcheck\/api$/, replacement: path.join(this.root, 'api/src/app.ts') },
            { find: /^@soundcheck\/api\//, replacement: `${path.join(this.root, 'api/src')}/` },
            { find: /^@soundcheck\/tests\//, replacement: `${path.join(this.root, 'tests')}/` },
          ],
        },
      },
    );
    // A project's own setupFiles win over the CLI's, so the worker setup joins the resolved project config
    // (serialised afresh for every run).
    const config = this.vitest.getProjectByName(this.project).config;
    config.setupFiles = [...(this.setupFiles ?? config.setupFiles), fileURLPath('./worker-setup.ts')];
    // Every run imports the mutated module afresh: a mutant in module-level code (a constant, a table) takes
    // effect only at import, which the suite's shared worker modules (isolate: false) would do only once.
    config.isolate = true;
    return this.vitest;
  }

  /** Runs `files` (relative to the root) with `activeMutant` switched on (null: none). */
  async run(
    files: readonly string[],
    activeMutant: string | null,
    hitLimit: number | null,
  ): Promise<SessionRun> {
    const vitest = await this.open();
    const project = vitest.getProjectByName(this.project);
    project.provide('strykerActiveMutant', activeMutant);
    project.provide('strykerHitLimit', hitLimit);
    // Absent outside a Stryker sandbox of this repository (the runner's own test suite): then no blind spot
    // runs, and a mutation run's judge would say so.
    const blindSpot = path.join(this.root, blindSpotFile);
    project.provide('strykerBlindSpot', existsSync(blindSpot) ? blindSpot : null);
    const specs = files.map((file) => project.createSpecification(path.resolve(this.root, file)));
    const result = await vitest.runTestSpecifications(specs);
    // Vitest answers every test module it has run since it started, not only this run's: a file an earlier
    // mutant failed, left out of this run, would still report that failure and "kill" this mutant too.
    const ran = new Set(specs.map((spec) => spec.moduleId));
    const modules = result.testModules.filter((module) => ran.has(module.moduleId));
    return summarise(this.root, modules, result.unhandledErrors);
  }

  /** Drops the Vitest instance (after a timeout its workers may be stuck); the next run starts a new one. */
  async reset(): Promise<void> {
    const vitest = this.vitest;
    this.vitest = undefined;
    await vitest?.close();
  }
}

function fileURLPath(relative: string): string {
  return new URL(relative, import.meta.url).pathname;
}

function summarise(root: string, modules: readonly TestModule[], unhandled: readonly unknown[]): SessionRun {
  const tests: RanTest[] = [];
  const brokenFiles: SessionRun['brokenFiles'] = [];
  for (const module of modules) {
    const file = path.relative(root, module.moduleId);
    const moduleErrors = module.errors();
    if (moduleErrors.length)
      brokenFiles.push({ file, message: moduleErrors.map((e) => e.message).join('\n') });
    for (const test of module.children.allTests()) {
      const result = test.result();
      if (result.state === 'pending') continue;
      tests.push({
        // The file travels in the id: Stryker hands test ids to runner processes that never saw the dry run.
        id: `${file}#${test.id}`,
        name: `${file} › ${test.fullName}`,
        file,
        state: result.state,
        failure: result.errors?.map((e) => e.message).join('\n') ?? '',
        hits: test.meta().strykerHits ?? {},
        activeHits: test.meta().strykerActiveHits ?? null,
        durationMs: test.diagnostic()?.duration ?? 0,
      });
    }
  }
  for (const error of unhandled) brokenFiles.push({ file: '(unhandled)', message: messageOf(error) });
  return { tests, brokenFiles };
}

function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}
