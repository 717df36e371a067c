export interface Verb {
  summary: string;
  /** The verb's own `--help`: its usage and options (from the verb's module when it owns the text). */
  usage: string | (() => Promise<string>);
  example: string;
  main: (args: string[]) => Promise<number>;
}

/** Every verb of `soundcheck`, once (loaded on use, so `--help` and a bad verb answer at once): the dispatch table, `soundcheck --help` and each verb's `--help`. */
export const verbs: Record<string, Verb> = {
  run: {
    summary: 'a full QA run: every category, coverage, reports, history',
    usage: async () => (await import('./run-command.ts')).runUsage,
    example: 'npx soundcheck run --category unit,integration --tags "auth && !slow"',
    main: async (args) => (await import('./run-command.ts')).runCommand(args, { coverage: true }),
  },
  test: {
    summary: "the project's test command (every category but the long load tests)",
    usage: async () =>
      (await import('./run-command.ts')).runUsage.replace('soundcheck run', 'soundcheck test'),
    example: 'npx soundcheck test --category unit',
    main: async (args) => (await import('./run-command.ts')).runCommand(args, { tags: ['!long'] }),
  },
  doctor: {
    summary: 'check this machine for a run: Node, services, tools, ports, disk, history',
    usage: `usage: soundcheck doctor
  each line is ✓ (fine), ! (worth fixing; the run goes on) or ✗ (blocking), with the exact fix
  exit 1 when something blocks a run`,
    example: 'npx soundcheck doctor',
    main: async (args) => (await import('./doctor.ts')).doctorCommand(args),
  },
  report: {
    summary: "rebuild a run's reports from its results.json [run id|folder]",
    usage: `usage: soundcheck report [run id | run folder]   (default: reports/latest)
  --report-dir <dir>   where run folders are (default: reports)`,
    example: 'npx soundcheck report reports/latest',
    main: async (args) => (await import('./report.ts')).reportCommand(args),
  },
  history: {
    summary: 'the newest runs [--limit n]',
    usage: `usage: soundcheck history [--limit n]
  --limit <n>          how many runs, newest first (default: 20)`,
    example: 'npx soundcheck history --limit 5',
    main: async (args) => (await import('./history.ts')).historyCommand(args),
  },
  flaky: {
    summary: 'flaky tests over the last runs [--window n] [--quarantine]',
    usage: `usage: soundcheck flaky [--window n] [--quarantine [--min-flip-rate %]]
  --window <n>         how many recent runs to look at (default: 50)
  --quarantine         propose tests/quarantine.json entries for the tests past the flip rate
  --min-flip-rate <%>  with --quarantine: the flip rate that proposes an entry (default: 20)`,
    example: 'npx soundcheck flaky --window 20',
    main: async (args) => (await import('./flaky.ts')).flakyCommand(args),
  },
  trends: {
    summary: 'pass rate, test time and slowdowns over the last runs [--runs n]; --perf: change points',
    usage: `usage: soundcheck trends [--runs n] [--perf [--branch b]]
  --runs <n>           how many recent runs (default: 20; 500 with --perf)
  --perf               the change points of every performance series instead (E-divisive, t-test)
  --branch <b>         with --perf: whose runs (default: main)`,
    example: 'npx soundcheck trends --runs 10',
    main: async (args) => (await import('./trends.ts')).trendsCommand(args),
  },
  compare: {
    summary: 'what changed between two runs: compare <A> <B> (or previous latest)',
    usage: `usage: soundcheck compare <run A> <run B>
  run ids from soundcheck history, or previous / latest (the two newest finished runs)`,
    example: 'npx soundcheck compare previous latest',
    main: async (args) => (await import('./compare.ts')).compareCommand(args),
  },
  fuzz: {
    summary: 'schema-driven fuzzing of a deployment from its OpenAPI spec, with a security report',
    usage: async () => (await import('./fuzz.ts')).fuzzUsage,
    example:
      'npx soundcheck fuzz --target http://127.0.0.1:3000 --setup tests/security/fuzz/cli-setup.ts --budget 10000',
    main: async (args) => (await import('./fuzz.ts')).fuzzCommand(args),
  },
  load: {
    summary: 'load a scenario file or URL: k6 executors, thresholds, latency from the intended start',
    usage: async () => (await import('./load.ts')).loadUsage,
    example:
      'npx soundcheck load http://127.0.0.1:3000/health --executor constant-arrival-rate --rate 50/s --duration 10s',
    main: async (args) => (await import('./load.ts')).loadCommand(args),
  },
  merge: {
    summary: 'combine shard run folders into one run',
    usage: `usage: soundcheck merge <shard> <shard>…
  each shard is a run folder or a run id under --report-dir (default: reports)`,
    example: 'npx soundcheck merge reports/shard-1 reports/shard-2',
    main: async (args) => (await import('./merge.ts')).mergeCommand(args),
  },
  perf: {
    summary: 'the paired A/B regression gate: perf compare <baseline-ref> [<candidate-ref>] [--aa]',
    usage: async () => (await import('./perf.ts')).perfUsage,
    example: 'npx soundcheck perf compare main --pairs 20',
    main: async (args) => (await import('./perf.ts')).perfCommand(args),
  },
  shards: {
    summary: 'split the test files over n shards by their durations in the history',
    usage: async () => (await import('./shards.ts')).shardsUsage,
    example: 'npx soundcheck shards --count 4 --out shard-plan.json',
    main: async (args) => (await import('./shards.ts')).shardsCommand(args),
  },
  open: {
    summary: "open a run's dashboard (prints its file:// URL where there is no display) [run id|folder]",
    usage: `usage: soundcheck open [run id | run folder]   (default: reports/latest)
  --report-dir <dir>   where run folders are (default: reports)`,
    example: 'npx soundcheck open latest',
    main: async (args) => (await import('./open.ts')).openCommand(args),
  },
  serve: {
    summary: 'the dashboard over the history and /metrics [--port 9464]',
    usage: `usage: soundcheck serve [--port n] [--host h] [--report-dir dir]
  --port <n>           where to listen (default: 9464)
  --host <h>           the address to bind (default: 127.0.0.1)
  --report-dir <dir>   the run folders served under /runs/ (default: reports)`,
    example: 'npx soundcheck serve --port 9464',
    main: async (args) => (await import('./serve.ts')).serveCommand(args),
  },
};

export async function verbHelp(name: string, verb: Verb): Promise<string> {
  const usage = typeof verb.usage === 'string' ? verb.usage : await verb.usage();
  return `soundcheck ${name} — ${verb.summary}\n${usage}\n\nexample:\n  ${verb.example}\n`;
}

export function overallHelp(): string {
  const lines = Object.entries(verbs).map(([name, verb]) => `  ${name.padEnd(10)} ${verb.summary}`);
  return `usage: soundcheck <verb> [options] [--debug]   (soundcheck <verb> --help: its options and an example)\n${lines.join('\n')}\n`;
}
