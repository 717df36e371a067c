-- migrate:up
-- The DSPs releases are delivered to. Credentials and the callback signing secret are sealed with
-- SECRETS_KEY (AES-256-GCM, the row id and field as associated data) and never leave the service.
CREATE TABLE partners (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  dpid text NOT NULL UNIQUE,
  ern_version text NOT NULL DEFAULT '4.3' CHECK (ern_version = '4.3'),
  profile text NOT NULL CHECK (profile IN ('batch', 'release_by_release')),
  -- The transport without its secrets: { kind: 'sftp', host, port, username, root, auth } | { kind: 's3', … }.
  transport jsonb NOT NULL,
  -- Sealed secrets by field name: password, privateKey, secretAccessKey.
  credentials jsonb NOT NULL DEFAULT '{}',
  lead_time_days integer NOT NULL CHECK (lead_time_days BETWEEN 0 AND 365),
  callback_url text,
  callback_secret text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE partners;
