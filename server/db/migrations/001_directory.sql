-- The directory, organisations, the company's own names and API tokens.
-- Every change to a synced record takes a new number from change_seq; delta sync reads "seq > cursor".
CREATE SEQUENCE change_seq;

CREATE TABLE company (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  name text NOT NULL,
  aliases jsonb NOT NULL DEFAULT '[]',
  domains jsonb NOT NULL DEFAULT '[]'
);

-- record holds the Alumnus without id and updatedAt. Deleted alumni stay as tombstones (record emptied)
-- so that delta sync can tell clients to drop them.
CREATE TABLE alumni (
  id text PRIMARY KEY,
  record jsonb NOT NULL,
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX alumni_by_seq ON alumni (seq);

CREATE TABLE organizations (
  id text PRIMARY KEY,
  record jsonb NOT NULL,
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX organizations_by_seq ON organizations (seq);

-- Only the SHA-256 of a token is stored; the token itself is shown once when created.
CREATE TABLE api_tokens (
  token_hash text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'recruiter', 'sales', 'alumni')),
  created_at timestamptz NOT NULL DEFAULT now()
);
