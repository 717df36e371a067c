import type { Transport } from '../client/http-client.ts';
import { invalidCases, validCases } from './case-arbitraries.ts';
import { type Check, responseChecks } from './checks.ts';
import { baseCase, coverageCases, exampleCases } from './deterministic-cases.ts';
import type { Finding } from './findings.ts';
import { phases as allPhases, type Phase } from './fuzz-case.ts';
import type { IdPool } from './id-pool.ts';
import { fuzzProperty, sendAll } from './property.ts';
import { Ungeneratable } from './schema-arbitrary.ts';
import { type FuzzActor, FuzzSession } from './session.ts';
import type { ApiDocument, Operation } from './spec.ts';
import { statefulPhase } from './stateful.ts';

export interface FuzzOptions {
  document: ApiDocument;
  transport: Transport;
  baseUrl?: string;
  actor: FuzzActor;
  /** Another actor for some operations, by id (e.g. a disposable session for `POST /v1/auth/logout`). */
  actorFor?: Record<string, FuzzActor>;
  /** A token of another tenant, for the 403-vs-404 existence check of the stateful phase. */
  outsiderToken?: string;
  seed: number;
  /** Requests in all (default 1,000); each operation gets an equal share of what the stateful phase leaves. */
  budget?: number;
  maxTimeMs?: number;
  phases?: readonly Phase[];
  /** Operations not to send, each with the reason the report gives. */
  exclude?: Record<string, string>;
  /** Only these operations (ids `METHOD /path`), when given. */
  only?: readonly string[];
  pool?: IdPool;
  checks?: readonly Check[];
  onProgress?: (line: string) => void;
}

export interface FuzzReport {
  seed: number;
  operations: { total: number; covered: string[]; skipped: Array<{ operation: string; reason: string }> };
  requests: number;
  serverErrors: number;
  rateLimited: number;
  durationMs: number;
  findings: Finding[];
}

/** Creating operations first (they feed the id pool), deleting ones last. */
const METHOD_ORDER = ['POST', 'PUT', 'GET', 'PATCH', 'DELETE'];
const order = (op: Operation): number => {
  const index = METHOD_ORDER.indexOf(op.method);
  return index < 0 ? METHOD_ORDER.length : index;
};

/** Fuzzes every operation of the document in phases (examples, coverage, fuzzing, stateful) within the budget. */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const budget = options.budget ?? 1000;
  const phases = options.phases ?? allPhases;
  const session = new FuzzSession({
    transport: options.transport,
    baseUrl: options.baseUrl ?? 'http://127.0.0.1:3000',
    actor: options.actor,
    seed: options.seed,
    budget,
    maxTimeMs: options.maxTimeMs ?? Number.POSITIVE_INFINITY,
    checks: options.checks ?? responseChecks,
    ...(options.pool ? { pool: options.pool } : {}),
    ...(options.actorFor ? { actorFor: options.actorFor } : {}),
  });
  const skipped: FuzzReport['operations']['skipped'] = [];
  const covered: string[] = [];
  const chosen = options.document.operations.filter((op) => {
    const reason =
      options.exclude?.[op.id] ??
      (options.only && !options.only.includes(op.id) ? 'not selected (--operation)' : undefined);
    if (reason) skipped.push({ operation: op.id, reason });
    return !reason;
  });
  const operations = [...chosen].sort((a, b) => order(a) - order(b));
  const statefulShare = phases.includes('stateful')
    ? Math.min(Math.floor(budget / 5), 3 * operations.length)
    : 0;
  // Each operation's share is what is left (less the stateful phase's) over the operations still to come, so
  // an operation that cannot be generated, or spends less than its share, leaves its requests to the others.
  const shareAt = (index: number) =>
    Math.max(4, Math.floor((budget - statefulShare - session.requests) / (operations.length - index)));
  for (const [index, operation] of operations.entries()) {
    if (session.exhausted) {
      skipped.push({ operation: operation.id, reason: 'the budget or the time ran out first' });
      continue;
    }
    const before = session.requests;
    try {
      await fuzzOperation(session, operation, phases, shareAt(index), options.seed + index * 7919);
      covered.push(operation.id);
    } catch (error) {
      if (!(error instanceof Ungeneratable)) throw error;
      skipped.push({ operation: operation.id, reason: `cannot generate: ${error.message}` });
    }
    options.onProgress?.(
      `${operation.id}: ${session.requests - before} requests, ${session.findings.length} findings so far`,
    );
  }
  if (phases.includes('stateful') && !session.exhausted)
    await statefulPhase(session, operations, options.outsiderToken);
  await spendTheRest(session, operations, covered, phases, options.seed);
  return {
    seed: options.seed,
    operations: { total: options.document.operations.length, covered, skipped },
    requests: session.requests,
    serverErrors: session.serverErrors,
    rateLimited: session.rateLimited,
    durationMs: Math.round(session.elapsedMs),
    findings: session.findings,
  };
}

/**
 * What the stateful phase left of the budget goes to more random cases of the covered operations, so that
 * `--budget N` sends N requests (short only when time runs out or no operation could be generated).
 */
async function spendTheRest(
  session: FuzzSession,
  operations: readonly Operation[],
  covered: readonly string[],
  phases: readonly Phase[],
  seed: number,
): Promise<void> {
  if (!phases.includes('fuzzing')) return;
  const again = operations.filter((operation) => covered.includes(operation.id));
  for (const [index, operation] of again.entries()) {
    const share = Math.floor((session.options.budget - session.requests) / (again.length - index));
    if (session.exhausted) return;
    if (share > 0) await fuzzOperation(session, operation, ['fuzzing'], share, seed + 104_729 + index * 7919);
  }
}

async function fuzzOperation(
  session: FuzzSession,
  operation: Operation,
  phases: readonly Phase[],
  share: number,
  seed: number,
): Promise<void> {
  if (operation.body && !/json/.test(operation.body.mediaType))
    throw new Ungeneratable(`${operation.body.mediaType} bodies are not generated (only JSON)`);
  const limit = session.requests + share;
  const fillings = session.pool.fillings(operation.path);
  const base = baseCase(operation, fillings, seed);
  // The deterministic phases take at most half the share: the fuzzing phase always gets the rest.
  const within = <T>(cases: T[]): T[] =>
    cases.slice(0, Math.max(0, limit - Math.floor(share / 2) - session.requests));
  if (phases.includes('examples')) await sendAll(session, operation, within(exampleCases(operation, base)));
  if (phases.includes('coverage')) await sendAll(session, operation, within(coverageCases(operation, base)));
  if (!phases.includes('fuzzing')) return;
  const left = Math.max(2, limit - session.requests);
  const invalid = invalidCases(operation, fillings);
  const validRuns = invalid ? Math.ceil(left / 2) : left;
  await fuzzProperty(session, operation, validCases(operation, fillings, 'fuzzing'), validRuns, seed);
  if (invalid) await fuzzProperty(session, operation, invalid, left - validRuns, seed + 1);
}
