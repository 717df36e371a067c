-- migrate:up
-- One current artwork per release and one current audio file per track; a new upload replaces the old.
CREATE TABLE assets (
  id uuid PRIMARY KEY,
  release_id uuid NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
  track_id uuid REFERENCES tracks (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('artwork', 'audio')),
  storage_key text NOT NULL UNIQUE,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  facts jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('analysing', 'valid', 'invalid')),
  findings jsonb NOT NULL DEFAULT '[]',
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'audio') = (track_id IS NOT NULL))
);
CREATE UNIQUE INDEX assets_one_artwork_per_release ON assets (release_id) WHERE kind = 'artwork';
CREATE UNIQUE INDEX assets_one_audio_per_track ON assets (track_id) WHERE kind = 'audio';

-- migrate:down
DROP TABLE assets;
