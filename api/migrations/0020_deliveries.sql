-- migrate:up
-- One delivery = one ERN message (and its resources) about one release to one partner. The row is the truth a
-- worker resumes from: the packaged message and the upload plan (batch folder, manifest) are kept, so a
-- worker killed mid-upload leaves work another finishes without a second completed batch.
CREATE TABLE deliveries (
  id uuid PRIMARY KEY,
  release_id uuid NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
  partner_id uuid NOT NULL REFERENCES partners (id),
  label_id uuid NOT NULL REFERENCES labels (id),
  kind text NOT NULL CHECK (kind IN ('new', 'update', 'takedown', 'purge')),
  state text NOT NULL DEFAULT 'queued' CHECK (state IN
    ('queued', 'packaging', 'uploading', 'uploaded', 'acknowledged', 'live', 'rejected', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error text,
  batch_id text,
  message_id text NOT NULL UNIQUE,
  message_thread_id text NOT NULL,
  ern text,
  plan jsonb,
  ack jsonb,
  lease_until timestamptz,
  uploaded_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deliveries_release ON deliveries (release_id, partner_id, id);
CREATE INDEX deliveries_partner_state ON deliveries (partner_id, state);
-- Partners process batches by folder name: two deliveries never share one.
CREATE UNIQUE INDEX deliveries_partner_batch ON deliveries (partner_id, batch_id);
CREATE INDEX deliveries_active ON deliveries (state) WHERE state IN ('queued', 'packaging', 'uploading', 'uploaded');

CREATE TABLE delivery_events (
  id uuid PRIMARY KEY,
  delivery_id uuid NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  state text NOT NULL,
  detail text NOT NULL
);
CREATE INDEX delivery_events_delivery ON delivery_events (delivery_id, id);

-- Idempotency-Key: the first response to a key from a user, for 24 hours.
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

-- migrate:down
DROP TABLE idempotency_keys;
DROP TABLE delivery_events;
DROP TABLE deliveries;
