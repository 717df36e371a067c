import path from 'node:path';
import type { MutantResult, PartialStrykerOptions } from '@stryker-mutator/api/core';
import { Stryker } from '@stryker-mutator/core';
import { blindSpotFile } from './blind-spot-file.ts';

/** One unit of a mutation run: the source files to mutate and the test files that judge them. */
export interface MutationModule {
  name: string;
  /** Globs (or `file:from-to` line ranges) of the code to mutate, relative to the repository root. */
  mutate: string[];
  /** Test files, relative to the repository root. */
  testFiles: string[];
  /** The Vitest project the test files belong to (default `unit`). */
  project?: string;
  /** A mutant any honest run must kill: proves the tests saw the mutated code. */
  planted: PlantedMutant;
}

/** The body of `functionName` in `file` emptied: found by name, so it survives line shifts. */
export interface PlantedMutant {
  file: string;
  functionName: string;
}

export interface StrykerRunOptions {
  reportDir: string;
  incremental: boolean;
  concurrency: number;
  /** Replace the project's setup files (relative to the root) with these, e.g. a lighter seed. */
  setupFiles?: string[];
}

/** Runs Stryker on one module in a sandbox (never in place: an interrupted run leaves the sources intact). */
export async function runStryker(
  module: MutationModule,
  options: StrykerRunOptions,
): Promise<MutantResult[]> {
  const config: PartialStrykerOptions = {
    mutate: [...module.mutate, blindSpotFile],
    testRunner: 'soundcheck-vitest',
    plugins: [new URL('./vitest-runner.ts', import.meta.url).pathname],
    soundcheckVitest: {
      project: module.project ?? 'unit',
      testFiles: module.testFiles,
      setupFiles: options.setupFiles,
    },
    coverageAnalysis: 'perTest',
    concurrency: options.concurrency,
    // A wall-clock timeout on a shared machine is noise, and Stryker counts a Timeout as detected: endless
    // loops are caught by the hit limit within seconds, so only a real hang waits this long.
    timeoutMS: 60_000,
    inPlace: false,
    // TypeScript 7 has no JavaScript API for Stryker's tsconfig rewrite; Vite strips the types anyway.
    tsconfigFile: 'no-tsconfig-for-mutation.json',
    checkers: [],
    ignorePatterns: [
      '/.data',
      '/.soundcheck',
      '/reports',
      '/coverage',
      '/dashboards',
      '/tests/fixtures/sample_audio_files/generated',
    ],
    reporters: ['json', 'progress-append-only'],
    jsonReporter: { fileName: path.join(options.reportDir, `${module.name}.json`) },
    // Always write the incremental file; a full run (no --incremental) ignores what it holds.
    incremental: true,
    force: !options.incremental,
    incrementalFile: path.join(options.reportDir, `${module.name}.incremental.json`),
    tempDirName: '.stryker-tmp',
    cleanTempDir: true,
    // LogLevel is a const enum, out of reach under verbatimModuleSyntax: its values, typed.
    logLevel: 'warn' as PartialStrykerOptions['logLevel'],
    fileLogLevel: 'off' as PartialStrykerOptions['fileLogLevel'],
    allowEmpty: false,
  };
  return new Stryker(config).runMutationTest();
}
