import type { Measured } from './drive.ts';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export interface RouteFigures {
  name: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** requests/s over the reference's, both medians of the same run's rounds. */
  ratio: number;
  /** Server CPU µs per request over the reference's, both medians of the same run: the steadier ratio. */
  cpuRatio: number;
  /** The load generator's busiest share of its core (1 = it, not the server, may have set the pace). */
  loadCpuShare: number;
  unexpected: number;
  socketErrors: number;
  serverCpuUs: number;
  databaseCpuUs: number;
}

/** The median of each figure over a route's rounds, and its ratios to the reference's medians. */
export function summarise(
  name: string,
  runs: Measured[],
  reference: { rps: number; serverCpuUs: number },
): RouteFigures {
  const rps = median(runs.map((run) => run.rps));
  const serverCpuUs = median(runs.map((run) => run.serverCpuUs));
  return {
    name,
    rps,
    p50Ms: median(runs.map((run) => run.p50Ms)),
    p99Ms: median(runs.map((run) => run.p99Ms)),
    ratio: rps / reference.rps,
    cpuRatio: serverCpuUs / reference.serverCpuUs,
    loadCpuShare: Math.max(...runs.map((run) => run.loadCpuShare)),
    serverCpuUs,
    databaseCpuUs: median(runs.map((run) => run.databaseCpuUs)),
    unexpected: runs.reduce((sum, run) => sum + run.unexpected, 0),
    socketErrors: runs.reduce((sum, run) => sum + run.socketErrors, 0),
  };
}

/** The reference's medians, which every route is divided by. */
export const referenceOf = (runs: Measured[]) => ({
  rps: median(runs.map((run) => run.rps)),
  serverCpuUs: median(runs.map((run) => run.serverCpuUs)),
});

const num = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The table of the bench, in Markdown so it can be pasted into a note as it is. */
export function table(rows: RouteFigures[]): string {
  const lines = [
    '| route | req/s | p50 ms | p99 ms | × reference | server CPU µs/req | CPU × reference | PostgreSQL CPU µs/req | generator core busy |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${num(row.rps)} | ${num(row.p50Ms, 2)} | ${num(row.p99Ms, 2)} | ${num(row.ratio, 2)} | ${num(row.serverCpuUs)} | ${num(row.cpuRatio, 2)} | ${num(row.databaseCpuUs)} | ${num(row.loadCpuShare * 100)}% |`,
    ),
  ];
  return lines.join('\n');
}

/**
 * GET /v1/releases/{id} beside the reference that reads the same album: what the API adds to the read
 * itself (authentication, limits, validation, serialisation), apart from the cost of the document.
 */
export function besideAlbum(rows: RouteFigures[], album: string, read: string): string | null {
  const reference = rows.find((row) => row.name === album);
  const route = rows.find((row) => row.name === read);
  if (!reference || !route) return null;
  const cpu = (row: RouteFigures) => row.serverCpuUs + row.databaseCpuUs;
  return `  ${read} beside the ${album.replace('reference: ', '')} reference: ${num(route.rps / reference.rps, 2)}× its req/s, ${num(cpu(route) / cpu(reference), 2)}× its server + PostgreSQL CPU per request`;
}

export interface Goal {
  what: string;
  seen: string;
  met: boolean;
}

export function goalLines(goals: Goal[]): string {
  return goals.map((goal) => `  ${goal.met ? '✓' : '✗'} ${goal.what}: ${goal.seen}`).join('\n');
}
