-- migrate:up
CREATE TABLE labels (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  dpid text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'reviewer', 'label_manager', 'artist', 'partner')),
  label_id uuid REFERENCES labels (id),
  partner_id uuid,
  active boolean NOT NULL DEFAULT true,
  token_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_label_roles_have_label CHECK (role NOT IN ('label_manager', 'artist') OR label_id IS NOT NULL),
  CONSTRAINT users_partner_role_has_partner CHECK (role <> 'partner' OR partner_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
CREATE INDEX users_label_id ON users (label_id);

-- migrate:down
DROP TABLE users;
DROP TABLE labels;
