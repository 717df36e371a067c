import type { ApiClient } from 'soundcheck/client/http-client.ts';
import type { Finding } from 'soundcheck/fuzz/findings.ts';
import { writeSecurityReport } from 'soundcheck/fuzz/report-files.ts';
import { type FuzzReport, fuzz } from 'soundcheck/fuzz/runner.ts';
import { readDocument } from 'soundcheck/fuzz/spec.ts';
import type { SignedInUser } from '../../factories/signed-in.ts';
import { fuzzSetup } from './fuzz-setup.ts';

/** Requests per operation in `npm test`: small, fixed, so the suite's time stays flat as the API grows. */
const REQUESTS_PER_OPERATION = 12;

/** A fixed budget still takes a while on a loaded 2-core machine (20-40 ms a request in-process). */
export const FUZZ_TEST_TIMEOUT_MS = 120_000;

/** Fuzzes the operations of the target's own spec whose path `select` picks, as the admin, with a fixed budget. */
export async function fuzzOperations(
  api: ApiClient,
  admin: SignedInUser,
  part: string,
  select: (path: string) => boolean,
): Promise<FuzzReport> {
  const document = readDocument('/openapi.json', (await api.get('/openapi.json')).body);
  const only = document.operations.filter((op) => select(op.path)).map((op) => op.id);
  const budget = only.length * REQUESTS_PER_OPERATION;
  const setup = await fuzzSetup(api, admin, budget);
  const report = await fuzz({
    document,
    transport: (request) => api.request(request),
    ...setup,
    only,
    seed: Number(process.env.SOUNDCHECK_SEED ?? 1),
    budget,
  });
  // In a soundcheck run, the findings join its dashboard and its SARIF (security/fuzz-<part>.*).
  const runFolder = process.env.SOUNDCHECK_RUN_DIR;
  if (runFolder) writeSecurityReport(runFolder, report, '/openapi.json', 'low', `fuzz-${part}`);
  return report;
}

/** One line per finding, with what reproduces it. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map(
      (f) =>
        `${f.check} on ${f.operation}: ${f.message}\n  ${f.curl}\n  → ${f.status} ${f.responseExcerpt.slice(0, 200)}`,
    )
    .join('\n');
}
