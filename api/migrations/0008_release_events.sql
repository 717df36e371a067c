-- migrate:up
-- The audit trail of a release: its creation and every workflow transition, append-only.
CREATE TABLE release_events (
  id uuid PRIMARY KEY,
  release_id uuid NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  -- null for the system (background jobs); users are never hard-deleted while they have history.
  actor_id uuid REFERENCES users (id),
  action text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  reasons jsonb
);
CREATE INDEX release_events_release ON release_events (release_id, id);

-- migrate:down
DROP TABLE release_events;
