-- migrate:up
CREATE TABLE releases (
  id uuid PRIMARY KEY,
  label_id uuid NOT NULL REFERENCES labels (id),
  created_by uuid NOT NULL REFERENCES users (id),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'in_review', 'changes_requested',
    'approved', 'distributing', 'delivered', 'live', 'takedown_requested', 'taken_down', 'archived')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  version text CHECK (length(version) BETWEEN 1 AND 200),
  release_type text NOT NULL CHECK (release_type IN ('single', 'ep', 'album')),
  -- Always the 13-digit EAN form, so a UPC-A and its 0-prefixed EAN-13 collide here (platform-wide).
  upc text NOT NULL CHECK (upc ~ '^[0-9]{13}$'),
  genre text NOT NULL,
  language text NOT NULL CHECK (language ~ '^[a-z]{2}$'),
  parental_advisory text NOT NULL CHECK (parental_advisory IN ('explicit', 'clean', 'not_explicit')),
  p_line_year integer NOT NULL CHECK (p_line_year BETWEEN 1000 AND 9999),
  p_line_owner text NOT NULL,
  c_line_year integer NOT NULL CHECK (c_line_year BETWEEN 1000 AND 9999),
  c_line_owner text NOT NULL,
  release_date date NOT NULL,
  original_release_date date,
  territories jsonb NOT NULL,
  -- Set by the first delivery (issue #6); from then on UPC, ISRCs, track order/count and type are frozen.
  first_delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX releases_upc_unique ON releases (upc);
CREATE INDEX releases_label_created ON releases (label_id, created_at, id);
CREATE INDEX releases_state ON releases (state);

-- The release's primary artists, in display order.
CREATE TABLE release_artists (
  release_id uuid NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  artist_id uuid NOT NULL REFERENCES artists (id),
  PRIMARY KEY (release_id, position),
  UNIQUE (release_id, artist_id)
);
CREATE INDEX release_artists_artist ON release_artists (artist_id);

-- migrate:down
DROP TABLE release_artists;
DROP TABLE releases;
