import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Transport } from '../client/http-client.ts';
import { responseChecks } from './checks.ts';
import type { Finding } from './findings.ts';
import { IdPool } from './id-pool.ts';
import { FuzzSession } from './session.ts';
import type { ApiDocument, Operation } from './spec.ts';

/** Where `soundcheck fuzz` keeps every finding's case, for `--replay <id>`. */
export const CASES_DIR = path.join('.soundcheck', 'fuzz');

export function saveCases(findings: readonly Finding[], dir = CASES_DIR): void {
  mkdirSync(dir, { recursive: true });
  for (const finding of findings)
    writeFileSync(path.join(dir, `${finding.id}.json`), `${JSON.stringify(finding, null, 2)}\n`);
}

export function loadCase(id: string, dir = CASES_DIR): Finding {
  const file = path.join(dir, `${path.basename(id)}.json`);
  if (!existsSync(file))
    throw new Error(`no saved case "${id}" in ${dir}: ids are listed in security/findings.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Finding;
}

/** An operation the spec lacks (the unsupported-method probes): sent as-is, judged by status alone. */
function undocumented(finding: Finding): Operation {
  const [method = 'GET', template = '/'] = finding.operation.split(' ');
  return {
    id: finding.operation,
    method,
    path: template,
    parameters: [],
    body: null,
    responses: {},
    secured: true,
    examples: [],
  };
}

export interface ReplayOutcome {
  stillFailing: boolean;
  status: number;
  detail: string;
}

/**
 * Sends a saved case again. A response check's finding is judged by that check; a stateful one (whose
 * chain is not replayed) by whether the status is still the one that was reported.
 */
export async function replay(
  finding: Finding,
  document: ApiDocument,
  transport: Transport,
  token: string,
): Promise<ReplayOutcome> {
  const operation =
    document.operations.find((op) => op.id === finding.fuzzCase.operation) ?? undocumented(finding);
  const session = new FuzzSession({
    transport,
    baseUrl: 'http://replay',
    actor: { name: finding.actor, token: () => token },
    seed: finding.seed,
    budget: 1,
    maxTimeMs: 60_000,
    checks: responseChecks,
    pool: new IdPool(),
  });
  const sent = await session.send(operation, finding.fuzzCase);
  const check = responseChecks.find((candidate) => candidate.name === finding.check);
  if (check) {
    const failure = sent.failures.find((candidate) => candidate.check.name === finding.check);
    return {
      stillFailing: Boolean(failure),
      status: sent.response.status,
      detail: failure?.message ?? `${check.name} passes now`,
    };
  }
  const same = sent.response.status === finding.status;
  return {
    stillFailing: same,
    status: sent.response.status,
    detail: same
      ? `still ${finding.status}: ${finding.message}`
      : `${sent.response.status} now, was ${finding.status}`,
  };
}
