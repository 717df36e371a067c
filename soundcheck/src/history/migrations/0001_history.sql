-- migrate:up
CREATE TABLE test_runs (
  id          text PRIMARY KEY,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz,
  commit      text,
  branch      text,
  seed        bigint,
  environment text NOT NULL,
  shard       text,
  verdict     text NOT NULL CHECK (verdict IN ('running', 'passed', 'failed', 'crashed')),
  passed      integer NOT NULL DEFAULT 0,
  failed      integer NOT NULL DEFAULT 0,
  skipped     integer NOT NULL DEFAULT 0,
  flaky       integer NOT NULL DEFAULT 0,
  duration_ms double precision,
  -- Which process writes it: a 'running' run whose process is gone crashed.
  host        text NOT NULL,
  pid         integer NOT NULL
);
CREATE INDEX test_runs_started_idx ON test_runs (started_at DESC);

-- No primary key: ingest speed matters more, and a re-run of `report`/`merge` deletes a run's rows first.
CREATE TABLE test_results (
  run_id        text NOT NULL REFERENCES test_runs (id) ON DELETE CASCADE,
  test_id       text NOT NULL,
  file          text NOT NULL,
  title         text NOT NULL,
  project       text NOT NULL,
  tags          text[] NOT NULL,
  status        text NOT NULL CHECK (status IN ('passed', 'failed', 'skipped', 'flaky')),
  duration_ms   double precision NOT NULL,
  retries       integer NOT NULL,
  category      text,
  error_message text
);
CREATE INDEX test_results_run_idx ON test_results (run_id);
CREATE INDEX test_results_test_idx ON test_results (test_id, run_id);

-- Run-level figures: coverage, mutation score, duration percentiles, API response times (label = route).
CREATE TABLE test_metrics (
  run_id text NOT NULL REFERENCES test_runs (id) ON DELETE CASCADE,
  name   text NOT NULL,
  label  text NOT NULL DEFAULT '',
  value  double precision NOT NULL,
  PRIMARY KEY (run_id, name, label)
);

CREATE TABLE test_artifacts (
  run_id       text NOT NULL REFERENCES test_runs (id) ON DELETE CASCADE,
  test_id      text,
  name         text NOT NULL,
  path         text NOT NULL,
  content_type text
);
CREATE INDEX test_artifacts_run_idx ON test_artifacts (run_id);

-- migrate:down
DROP TABLE test_artifacts;
DROP TABLE test_metrics;
DROP TABLE test_results;
DROP TABLE test_runs;
