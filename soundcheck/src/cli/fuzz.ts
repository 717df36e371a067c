import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type ApiClient, createApiClient, fetchTransport } from '../client/http-client.ts';
import type { Severity } from '../fuzz/checks.ts';
import { atOrAbove, severityRank } from '../fuzz/findings.ts';
import { type Phase, phases } from '../fuzz/fuzz-case.ts';
import { loadCase, replay, saveCases } from '../fuzz/replay.ts';
import { writeSecurityReport } from '../fuzz/report-files.ts';
import { type FuzzOptions, fuzz } from '../fuzz/runner.ts';
import { loadDocument, SpecError } from '../fuzz/spec.ts';
import { newRunId } from '../runner/run-folder.ts';
import { UsageError } from './usage-error.ts';

export const fuzzUsage = `usage: soundcheck fuzz --target <url> [options]
  --target <url>        the deployment to fuzz (default SOUNDCHECK_TARGET); traffic stays on what you name
  --spec <path|url>     its OpenAPI 3.1 document (default <target>/openapi.json)
  --setup <module>      a module whose default export (api, { budget }) returns the actors, e.g.
                        tests/security/fuzz/cli-setup.ts (signs in as BOOTSTRAP_ADMIN_EMAIL/PASSWORD)
  --token <jwt>         or simply a bearer token to act with (also SOUNDCHECK_FUZZ_TOKEN)
  --budget <n>          requests in all (default 1000)
  --max-time <seconds>  stop after this long
  --seed <n>            replay a run's generation (the seed is printed first)
  --phases <list>       ${phases.join(',')} (default: all)
  --fail-on <severity>  exit 1 on a finding this severe or worse: low, medium, high, critical (default high)
  --report-dir <dir>    where the run folder goes (default reports)
  --replay <id>         send a saved finding's case again (ids are in security/findings.json)`;

type Setup = (api: ApiClient, context: { budget: number }) => Promise<Partial<FuzzOptions>>;

function whole(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} takes a whole number`);
  return Number(value);
}

async function actors(
  setupPath: string | undefined,
  token: string | undefined,
  api: ApiClient,
  budget: number,
): Promise<Partial<FuzzOptions>> {
  if (setupPath) {
    const module = (await import(pathToFileURL(path.resolve(setupPath)).href)) as { default?: Setup };
    if (typeof module.default !== 'function')
      throw new UsageError(`--setup ${setupPath} has no default export function`);
    return module.default(api, { budget });
  }
  if (!token)
    throw new UsageError('say who to act as: --setup <module> or --token <jwt> (or SOUNDCHECK_FUZZ_TOKEN)');
  return { actor: { name: 'token', token: () => token } };
}

/** `soundcheck fuzz`: schema-driven fuzzing of a deployment, its security report, and `--replay`. */
export async function fuzzCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      target: { type: 'string' },
      spec: { type: 'string' },
      setup: { type: 'string' },
      token: { type: 'string' },
      budget: { type: 'string' },
      'max-time': { type: 'string' },
      seed: { type: 'string' },
      phases: { type: 'string' },
      'fail-on': { type: 'string' },
      'report-dir': { type: 'string' },
      replay: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${fuzzUsage}\n`);
    return 0;
  }
  const target = values.target ?? process.env.SOUNDCHECK_TARGET;
  if (!target || !/^https?:\/\//.test(target))
    throw new UsageError('--target takes the http(s) URL of the deployment to fuzz');
  const failOn = (values['fail-on'] ?? 'high') as Severity;
  if (!(failOn in severityRank)) throw new UsageError('--fail-on takes low, medium, high or critical');
  const chosen = (values.phases?.split(',') ?? [...phases]) as Phase[];
  const unknown = chosen.filter((phase) => !phases.includes(phase));
  if (unknown.length)
    throw new UsageError(`unknown phase ${unknown.join(', ')}; choose from ${phases.join(', ')}`);
  const budget = whole(values.budget, '--budget', 1000);
  const seed = whole(values.seed, '--seed', Math.floor(Math.random() * 2 ** 31));
  const specSource = values.spec ?? new URL('/openapi.json', target).toString();
  let document: Awaited<ReturnType<typeof loadDocument>>;
  try {
    document = await loadDocument(specSource);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    process.stderr.write(`soundcheck fuzz: the spec cannot be used: ${error.message}\n`);
    return 2;
  }
  const transport = fetchTransport(target);
  const api = createApiClient(transport);
  const token = values.token ?? process.env.SOUNDCHECK_FUZZ_TOKEN;
  const who = await actors(values.setup, token, api, budget);
  if (values.replay) {
    const saved = loadCase(values.replay);
    const outcome = await replay(saved, document, transport, String((await who.actor?.token()) ?? ''));
    process.stdout.write(
      `${saved.id} ${saved.check} on ${saved.operation}: ${outcome.stillFailing ? 'STILL FAILS' : 'passes now'} (${outcome.detail})\n${saved.curl}\n`,
    );
    return outcome.stillFailing ? 1 : 0;
  }
  process.stdout.write(
    `seed ${seed} (replay with --seed ${seed}); ${document.operations.length} operations in ${specSource}; budget ${budget} requests\n`,
  );
  const report = await fuzz({
    document,
    transport,
    baseUrl: target,
    actor: who.actor ?? { name: 'anonymous', token: () => '' },
    ...who,
    seed,
    budget,
    ...(values['max-time'] ? { maxTimeMs: whole(values['max-time'], '--max-time', 0) * 1000 } : {}),
    phases: chosen,
    onProgress: (line) => process.stdout.write(`  ${line}\n`),
  });
  saveCases(report.findings);
  const folder = path.join(values['report-dir'] ?? 'reports', `fuzz-${newRunId()}`);
  const files = writeSecurityReport(folder, report, specSource, failOn);
  for (const skipped of report.operations.skipped)
    process.stdout.write(`  skipped ${skipped.operation}: ${skipped.reason}\n`);
  for (const finding of report.findings)
    process.stdout.write(
      `  [${finding.severity}] ${finding.id} ${finding.check} on ${finding.operation}: ${finding.message}\n    ${finding.curl}\n`,
    );
  const perThousand = report.requests ? Math.round((report.durationMs / report.requests) * 1000) : 0;
  process.stdout.write(
    `${report.operations.covered.length}/${report.operations.total} operations covered, ${report.requests} requests, ` +
      `${report.serverErrors} server errors, ${report.findings.length} findings, ${perThousand} ms per 1,000 requests\n` +
      `report: ${files.join(', ')}\n`,
  );
  return atOrAbove(report.findings, failOn).length > 0 ? 1 : 0;
}
