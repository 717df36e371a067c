-- migrate:up
-- One row per sign-in: the refresh-token family. Access tokens name their session (`sid`), so revoking the
-- row ends the access token and every refresh token of the family at once (logout, refresh-token reuse).
CREATE TABLE auth_sessions (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The jti of the only refresh token of the family that may still be used; rotation swaps it atomically.
  current_refresh_jti uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX auth_sessions_user_id ON auth_sessions (user_id);

-- migrate:down
DROP TABLE auth_sessions;
