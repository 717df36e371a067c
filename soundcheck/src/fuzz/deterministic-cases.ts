import fc from 'fast-check';
import { boundaryProbes } from './boundaries.ts';
import { breakingProbes, slotsOf, validCases, withBreakingProbe, withProbe } from './case-arbitraries.ts';
import type { FuzzCase } from './fuzz-case.ts';
import type { Operation } from './spec.ts';

/** A valid request to vary: the same for a given seed. */
export function baseCase(
  operation: Operation,
  fillings: Array<Record<string, string>>,
  seed: number,
): FuzzCase {
  const [sample] = fc.sample(validCases(operation, fillings, 'coverage'), { seed, numRuns: 1 });
  if (!sample) throw new Error(`no sample for ${operation.id}`);
  return sample;
}

/** The `examples` phase: the spec's own request examples, on a valid base for the other parts. */
export function exampleCases(operation: Operation, base: FuzzCase): FuzzCase[] {
  return operation.examples.map((body) => ({ ...base, phase: 'examples', body }));
}

/**
 * The `coverage` phase: no credentials and a forged token on a secured operation, then every spot of
 * the request at its boundaries and broken in each way it can be — deterministic, the same every run.
 */
export function coverageCases(operation: Operation, base: FuzzCase): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const coverage: FuzzCase = { ...base, phase: 'coverage' };
  if (operation.secured) cases.push({ ...coverage, auth: 'none' }, { ...coverage, auth: 'invalid' });
  for (const slot of slotsOf(operation)) {
    for (const probe of boundaryProbes(slot.schema))
      cases.push(withProbe(coverage, slot, probe.value, probe.breaks || 'boundary'));
    for (const probe of breakingProbes(slot)) cases.push(withBreakingProbe(coverage, slot, probe));
  }
  return cases;
}
