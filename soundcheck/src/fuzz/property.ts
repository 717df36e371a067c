import fc from 'fast-check';
import type { FuzzCase } from './fuzz-case.ts';
import type { FuzzSession, Sent } from './session.ts';
import type { Operation } from './spec.ts';

/** Shrinking stops after this many extra requests per failure: the smallest case found so far is kept. */
const MAX_SHRINK_REQUESTS = 60;
/** After a failure, fuzzing goes on looking for other checks' failures, this many times. */
const MAX_ROUNDS = 3;

/** Sends the case again and reports what still fails; a failure that does not come back is reported unconfirmed. */
export async function recheckAndReport(
  session: FuzzSession,
  operation: Operation,
  fuzzCase: FuzzCase,
  first: Sent,
): Promise<void> {
  const again = await session.send(operation, fuzzCase);
  const confirmed = new Set(again.failures.map((failure) => failure.check.name));
  for (const failure of again.failures) session.report(failure.check, failure.message, fuzzCase, again, true);
  for (const failure of first.failures)
    if (!confirmed.has(failure.check.name))
      session.report(
        failure.check,
        `${failure.message} (did not fail again when re-sent)`,
        fuzzCase,
        first,
        false,
      );
}

/**
 * Property-based fuzzing of one operation: `runs` cases from the arbitrary; a failing case is shrunk by
 * fast-check (each step re-sent, so a step that no longer fails is not taken), then re-checked.
 */
export async function fuzzProperty(
  session: FuzzSession,
  operation: Operation,
  cases: fc.Arbitrary<FuzzCase>,
  runs: number,
  seed: number,
): Promise<void> {
  let remaining = runs;
  for (let round = 0; round < MAX_ROUNDS && remaining > 0 && !session.exhausted; round += 1) {
    let shrinkRequests = 0;
    let failing: { fuzzCase: FuzzCase; sent: Sent } | null = null;
    const property = fc.asyncProperty(cases, async (fuzzCase) => {
      if (session.exhausted) return true;
      if (failing && ++shrinkRequests > MAX_SHRINK_REQUESTS) return true;
      const sent = await session.send(operation, fuzzCase);
      if (sent.failures.length === 0) return true;
      failing = { fuzzCase, sent };
      return false;
    });
    const details = await fc.check(property, { seed: seed + round, numRuns: remaining });
    remaining -= details.numRuns;
    const last = failing as { fuzzCase: FuzzCase; sent: Sent } | null;
    if (!details.failed || !last) return;
    await recheckAndReport(session, operation, last.fuzzCase, last.sent);
  }
}

/** Deterministic cases (examples, coverage): each sent once; a failure is re-sent before it is reported. */
export async function sendAll(
  session: FuzzSession,
  operation: Operation,
  cases: readonly FuzzCase[],
): Promise<void> {
  for (const fuzzCase of cases) {
    if (session.exhausted) return;
    const sent = await session.send(operation, fuzzCase);
    if (sent.failures.length > 0) await recheckAndReport(session, operation, fuzzCase, sent);
  }
}
