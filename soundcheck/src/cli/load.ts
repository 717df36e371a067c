import path from 'node:path';
import { parseArgs } from 'node:util';
import { finalReport, liveLine, scenariosReport } from '../load/console-output.ts';
import { defineScenario } from '../load/define-scenario.ts';
import { LoadConfigError } from '../load/durations.ts';
import { executorFromFlags } from '../load/flag-executor.ts';
import { LoadPusher } from '../load/push-metrics.ts';
import { writeLoadReport } from '../load/report-file.ts';
import { combinedStats, runScenarios } from '../load/run-scenarios.ts';
import { loadScenarios } from '../load/scenario-file.ts';
import { parseThresholdFlag } from '../load/thresholds.ts';
import type { Scenario } from '../load/types.ts';
import { urlScenario } from '../load/url-scenario.ts';
import { UsageError } from './run-command.ts';

export const loadUsage = `usage: soundcheck load <scenario.ts | URL> [options]
  --target <url>          the service a scenario file runs against (default $SOUNDCHECK_TARGET or http://127.0.0.1:3000)
  --scenario <a,b>        which scenarios, when the file exports several (default: all, side by side)
  --executor <type>       constant-arrival-rate, ramping-arrival-rate, constant-vus, ramping-vus,
                          per-vu-iterations, max-throughput (default: the scenario's, or guessed from the flags)
  --rate <n/unit>         iterations per time unit, e.g. 500/s (arrival-rate executors; start rate when ramping)
  --duration <d>          e.g. 30s, 1m30s (default 10s on the command line)
  --vus <n>  --max-vus <n>  --iterations <n>
  --stages <d:n,…>        e.g. 30s:100,1m:100,10s:0 (targets are rates or VUs)
  --connections <n>  --pipelining <n>  --timeout <d>
  --threshold <rule>      e.g. "http_req_duration{name:GET /v1/releases/{id}}: p(95)<50" (repeatable)
  --workers <n>           generate load from n threads (default 1)
  --report-dir <dir>      writes <dir>/performance/<scenario>.json (default reports/load)
  --max-requests <n>      stop after n requests (default 10000000)
  --max-duration <d>      refuse longer plans (default 30m)
  --allow-remote          allow a target that is not loopback
  --pushgateway <url>     push the live figures each second and the totals at the end (job soundcheck_load)
  --export-k6             print a k6 script of the scenario instead of running it
Exit codes: 0 passed, 99 a threshold failed, 2 bad input, 130 interrupted.`;

const options = {
  target: { type: 'string' },
  scenario: { type: 'string' },
  executor: { type: 'string' },
  rate: { type: 'string' },
  duration: { type: 'string' },
  vus: { type: 'string' },
  'max-vus': { type: 'string' },
  iterations: { type: 'string' },
  stages: { type: 'string' },
  connections: { type: 'string' },
  pipelining: { type: 'string' },
  timeout: { type: 'string' },
  threshold: { type: 'string', multiple: true },
  workers: { type: 'string' },
  'report-dir': { type: 'string' },
  'max-requests': { type: 'string' },
  'max-duration': { type: 'string' },
  'allow-remote': { type: 'boolean' },
  'export-k6': { type: 'boolean' },
  pushgateway: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

const whole = (value: string | undefined, flag: string) => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) <= 0)
    throw new LoadConfigError(`${flag} takes a whole number > 0`);
  return Number(value);
};

/** The scenario as the command line shapes it: executor flags, transport flags and extra thresholds. */
export function applyFlags(base: Scenario<unknown>, values: Values, fromUrl: boolean): Scenario<unknown> {
  const executorFlagGiven = ['executor', 'rate', 'duration', 'vus', 'max-vus', 'iterations', 'stages'].some(
    (key) => values[key as keyof Values] !== undefined,
  );
  const executor =
    executorFlagGiven || fromUrl
      ? executorFromFlags(values, fromUrl ? undefined : base.executor)
      : base.executor;
  const thresholds = { ...base.thresholds };
  for (const flag of values.threshold ?? []) {
    const { key, rule } = parseThresholdFlag(flag);
    thresholds[key] = [...(thresholds[key] ?? []), rule];
  }
  const connections = whole(values.connections, '--connections');
  const pipelining = whole(values.pipelining, '--pipelining');
  return defineScenario({
    ...base,
    executor,
    thresholds,
    transport: {
      ...base.transport,
      ...(connections === undefined ? {} : { connections }),
      ...(pipelining === undefined ? {} : { pipelining }),
      ...(values.timeout === undefined ? {} : { timeout: values.timeout }),
    },
  });
}

function pushgatewayUrl(value: string): string {
  if (!/^https?:\/\/[^/]/.test(value))
    throw new LoadConfigError(
      `--pushgateway takes the gateway's URL, e.g. http://127.0.0.1:9091, not "${value}"`,
    );
  return value;
}

/** `soundcheck load`: runs a scenario (or a URL), prints a live line and a table, writes the result. */
export async function loadCommand(args: string[]): Promise<number> {
  try {
    return await load(args);
  } catch (error) {
    if (error instanceof LoadConfigError) throw new UsageError(error.message);
    throw error;
  }
}

async function load(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
  if (values.help) {
    process.stdout.write(`${loadUsage}\n`);
    return 0;
  }
  const [subject, ...extra] = positionals;
  if (!subject || extra.length)
    throw new UsageError('pass one scenario file or URL: soundcheck load scenario.ts');
  const fromUrl = /^https?:\/\//.test(subject);
  const file = fromUrl ? undefined : path.resolve(subject);
  const picked = values.scenario?.split(',').map((name) => name.trim());
  const bases = file ? await loadScenarios(file, picked) : [urlScenario(subject)];
  const scenarios = bases.map((base) => applyFlags(base, values, fromUrl));
  const target = fromUrl
    ? new URL(subject).origin
    : (values.target ?? process.env.SOUNDCHECK_TARGET ?? 'http://127.0.0.1:3000');
  if (values['export-k6']) {
    const [scenario, ...more] = scenarios as [Scenario<unknown>, ...Array<Scenario<unknown>>];
    if (more.length)
      throw new LoadConfigError('--export-k6 exports one scenario; choose it with --scenario <name>');
    const { exportK6 } = await import('../load/k6-export.ts');
    process.stdout.write(await exportK6(scenario, { target, allowRemote: values['allow-remote'] ?? false }));
    return 0;
  }
  const stop = new AbortController();
  const interrupt = () => {
    if (stop.signal.aborted) process.exit(130);
    process.stderr.write('\n  stopping (Ctrl-C again to quit at once)…\n');
    stop.abort();
  };
  process.on('SIGINT', interrupt);
  try {
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const gateway = values.pushgateway === undefined ? null : pushgatewayUrl(values.pushgateway);
    const pushers = new Map(
      scenarios.map((s) => [s.name, gateway ? new LoadPusher(gateway, s.name, log) : null]),
    );
    const several = scenarios.length > 1;
    const results = await runScenarios(scenarios, {
      target,
      allowRemote: values['allow-remote'] ?? false,
      workers: whole(values.workers, '--workers') ?? 1,
      source: file ? { file } : { url: subject },
      maxRequests: whole(values['max-requests'], '--max-requests') ?? 10_000_000,
      ...(values['max-duration'] ? { maxDuration: values['max-duration'] } : {}),
      stop: stop.signal,
      onStartOf: (scenario) => () => log(`${scenario.name}: ${scenario.executor.type} against ${target}`),
      onSecondOf: (name) => (point) => {
        log(several ? `${liveLine(point)}  ${name}` : liveLine(point));
        pushers.get(name)?.second(point);
      },
    });
    const folder = values['report-dir'] ?? path.join('reports', 'load');
    for (const result of results) {
      await pushers.get(result.summary.scenario)?.finish(result.summary);
      process.stdout.write(`\n${finalReport(result.summary)}\n`);
      process.stdout.write(`result: ${writeLoadReport(folder, result)}\n`);
    }
    if (several)
      process.stdout.write(
        `\n${scenariosReport(
          results.map((r) => r.summary),
          combinedStats(results),
        )}\n`,
      );
    if (results.some((result) => !result.summary.passed)) return 99;
    return stop.signal.aborted ? 130 : 0;
  } finally {
    process.off('SIGINT', interrupt);
  }
}
