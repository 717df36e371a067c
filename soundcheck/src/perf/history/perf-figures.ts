import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One performance figure for the history's `test_metrics` (name, label, value), e.g. `perf_p95_ms`. */
export interface PerfFigure {
  name: string;
  label: string;
  value: number;
}

/**
 * The figures the performance suites left in a run folder: every `performance/*.json` may carry a
 * `history` array of `{ name, label, value }`. Names in use: `perf_p50_ms`, `perf_p95_ms`, `perf_p99_ms`,
 * `perf_rps`, `perf_errors` (label `<scenario> <request name>` or `<scenario>`), `perf_capacity_rps` (the
 * stress knee, label `<scenario>`), `perf_time_to_delivered_{p50,p95,p99}_ms` and `perf_time_to_delivered_count`
 * (label `sftp`, `s3` or `release`; `smoke …` from the smoke), `perf_soak_*` (soak-lite). Bench runs record
 * theirs directly (`bench-run.ts`, labels `<bench> <route>`). A file that does not parse adds nothing (the
 * dashboard already shows it as unreadable).
 */
export function readPerfFigures(folder: string): PerfFigure[] {
  const dir = path.join(folder, 'performance');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      try {
        const { history } = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { history?: unknown };
        return Array.isArray(history) ? history.filter(isFigure) : [];
      } catch {
        return [];
      }
    });
}

function isFigure(value: unknown): value is PerfFigure {
  const figure = value as PerfFigure;
  return (
    typeof figure?.name === 'string' && typeof figure.label === 'string' && Number.isFinite(figure.value)
  );
}
