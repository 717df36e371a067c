import type { Sql } from '../history/sql.ts';

export interface MutationModuleTrend {
  module: string;
  /** Score per recent mutation run, oldest first; null where a run left the module out. */
  scores: Array<number | null>;
  latestPct: number;
}

export interface MutationSurvivor {
  module: string;
  file: string;
  /** `line N Mutator: original → replacement`. */
  mutant: string;
  /** A documented equivalent (skipped) or a mutant still to kill (failed). */
  equivalent: boolean;
  why: string | null;
}

export interface MutationView {
  runs: number;
  modules: MutationModuleTrend[];
  /** Each module's survivors in the newest run that measured it. */
  survivors: MutationSurvivor[];
}

/** Mutation scores per module over the last `limit` mutation runs, and the mutants still alive. */
export async function mutationView(sql: Sql, limit = 20): Promise<MutationView> {
  const runs = await sql.query<{ id: string }>(
    `SELECT id FROM test_runs WHERE environment = 'mutation' AND verdict IN ('passed', 'failed')
     ORDER BY started_at DESC LIMIT $1`,
    [limit],
  );
  const ids = runs.map((r) => r.id).reverse();
  const scores = await sql.query<{ run_id: string; label: string; value: number }>(
    `SELECT run_id, label, value FROM test_metrics
     WHERE run_id = ANY($1::text[]) AND name = 'mutation_score_pct' AND label <> ''`,
    [ids],
  );
  const names = [...new Set(scores.map((s) => s.label))].sort();
  const latestRunOf = new Map<string, string>();
  const modules = names.map((module) => {
    const series = ids.map((id) => scores.find((s) => s.run_id === id && s.label === module)?.value ?? null);
    const latestIndex = series.findLastIndex((v) => v !== null);
    latestRunOf.set(module, ids[latestIndex] ?? '');
    return { module, scores: series, latestPct: series[latestIndex] ?? 0 };
  });
  const rows = await sql.query<{
    run_id: string;
    file: string;
    title: string;
    status: string;
    error_message: string | null;
  }>(
    `SELECT run_id, file, title, status, error_message FROM test_results
     WHERE run_id = ANY($1::text[]) ORDER BY file, title`,
    [[...new Set(latestRunOf.values())]],
  );
  const survivors = rows.flatMap((row) => {
    const [module = '', mutant = ''] = row.title.split(' › ');
    if (latestRunOf.get(module) !== row.run_id) return [];
    return [{ module, file: row.file, mutant, equivalent: row.status === 'skipped', why: row.error_message }];
  });
  return { runs: ids.length, modules, survivors };
}
