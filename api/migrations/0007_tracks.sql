-- migrate:up
CREATE TABLE tracks (
  id uuid PRIMARY KEY,
  release_id uuid NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  version text CHECK (length(version) BETWEEN 1 AND 200),
  isrc text NOT NULL CHECK (isrc ~ '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'),
  disc_number integer NOT NULL DEFAULT 1 CHECK (disc_number BETWEEN 1 AND 99),
  track_number integer NOT NULL CHECK (track_number BETWEEN 1 AND 999),
  parental_advisory text NOT NULL CHECK (parental_advisory IN ('explicit', 'clean', 'not_explicit')),
  language text CHECK (language ~ '^[a-z]{2}$'),
  instrumental boolean NOT NULL DEFAULT false,
  iswc text CHECK (iswc ~ '^T[0-9]{10}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tracks_isrc_unique_in_release UNIQUE (release_id, isrc),
  -- Deferred so that inserting or moving a track can renumber its neighbours in one transaction.
  CONSTRAINT tracks_position_unique UNIQUE (release_id, disc_number, track_number) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE track_contributors (
  track_id uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  artist_id uuid NOT NULL REFERENCES artists (id),
  role text NOT NULL CHECK (role IN ('MainArtist', 'FeaturedArtist', 'Remixer', 'Composer', 'Lyricist', 'Producer')),
  PRIMARY KEY (track_id, position)
);
CREATE INDEX track_contributors_artist ON track_contributors (artist_id);

-- migrate:down
DROP TABLE track_contributors;
DROP TABLE tracks;
