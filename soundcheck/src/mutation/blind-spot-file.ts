/**
 * Mutated beside every module (relative to the repository root): its mutants no test can see must all come
 * out Survived (blind-spot.ts). Kept apart from blind-spot.ts, whose every line is mutated.
 */
export const blindSpotFile = 'soundcheck/src/mutation/blind-spot.ts';
