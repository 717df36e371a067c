-- migrate:up
-- Artists (DDEX parties) belong to one label. Identifiers are stored in their canonical form, already
-- checked by the API; the CHECKs keep anything else (a script, a bad import) from storing junk.
CREATE TABLE artists (
  id uuid PRIMARY KEY,
  label_id uuid NOT NULL REFERENCES labels (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  isni text CHECK (isni ~ '^[0-9]{15}[0-9X]$'),
  ipi_name_number text CHECK (ipi_name_number ~ '^[0-9]{11}$'),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Lists are per label, newest or oldest first, with the id as the tie-breaker of the cursor.
CREATE INDEX artists_label_created ON artists (label_id, created_at, id);

-- migrate:down
DROP TABLE artists;
