// The load engine's public surface: scenarios, executors, results. It knows nothing of music.
export { defineScenario, isScenario, journeys } from './define-scenario.ts';
export { type Duration, LoadConfigError, parseDuration, parseRate } from './durations.ts';
export { decodeHistogram, percentilesOf } from './histogram.ts';
export { requestName } from './measured-client.ts';
export { type LoadReportFile, toReportFile, writeLoadReport } from './report-file.ts';
export type * from './result-types.ts';
export { type RunLoadOptions, runLoad } from './run-load.ts';
export type * from './types.ts';
export { executorTypes } from './types.ts';
