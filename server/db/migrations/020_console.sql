-- The alumni programme's console (/admin/): sessions, an audit log, import jobs, client freshness, a search
-- table for the alumni list, and what erasure needs.

-- Tokens get a stable id the console can name them by (the hash stays the key), when each client last synced,
-- and, for alumni tokens, whose token it is (so erasing an alumnus also ends their access and their interests).
ALTER TABLE api_tokens ADD COLUMN IF NOT EXISTS id text;
UPDATE api_tokens SET id = 'tok-' || substr(md5(token_hash), 1, 16) WHERE id IS NULL;
ALTER TABLE api_tokens ALTER COLUMN id SET DEFAULT 'tok-' || substr(md5(random()::text || clock_timestamp()::text), 1, 16);
ALTER TABLE api_tokens ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS api_tokens_by_id ON api_tokens (id);
ALTER TABLE api_tokens ADD COLUMN IF NOT EXISTS created_by text;
ALTER TABLE api_tokens ADD COLUMN IF NOT EXISTS last_synced_at timestamptz;
ALTER TABLE api_tokens ADD COLUMN IF NOT EXISTS alumnus_id text;

-- A console session: the browser holds only a random id in an HttpOnly cookie; its hash is stored here. It dies
-- with its token (revoking a token signs its sessions out).
CREATE TABLE console_sessions (
  id_hash text PRIMARY KEY,
  token_hash text NOT NULL REFERENCES api_tokens (token_hash) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX console_sessions_by_token ON console_sessions (token_hash);

-- Who did what, when. Never who was erased: an erasure is recorded without its target.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  actor_role text NOT NULL,
  action text NOT NULL,
  target text,
  details jsonb NOT NULL DEFAULT '{}'
);

-- CSV imports run as background jobs; the row keeps progress while it runs and the outcome afterwards.
CREATE TABLE import_jobs (
  id text PRIMARY KEY,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  file_name text,
  bytes bigint NOT NULL,
  encoding text,
  skip_invalid boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('validating', 'writing', 'succeeded', 'rejected', 'failed', 'cancelled')),
  rows_read integer NOT NULL DEFAULT 0,
  rows_total integer,
  rows_written integer NOT NULL DEFAULT 0,
  imported integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  skipped integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]',
  message text,
  -- Moved while the job runs; a job left running by a stopped server is recognised by its stale heartbeat.
  heartbeat_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_jobs_by_time ON import_jobs (created_at);

-- What each client reported about its outbox after its last sync (one row per token).
CREATE TABLE client_status (
  token_hash text PRIMARY KEY REFERENCES api_tokens (token_hash) ON DELETE CASCADE,
  reported_at timestamptz NOT NULL DEFAULT now(),
  outbox_pending integer NOT NULL,
  outbox_failed integer NOT NULL
);

-- The console's alumni list: normalised names in every script (computed by the server with the recognition
-- engine's normalisation, so it cannot be a generated column), the facets it filters on, and a sort key.
-- Kept up to date from alumni.seq: `search_position` is the last change number folded in.
CREATE TABLE alumni_search (
  id text PRIMARY KEY REFERENCES alumni (id),
  names text NOT NULL,
  sort_name text NOT NULL,
  departments text NOT NULL,
  last_department text,
  left_year integer,
  left_on text,
  employer text,
  employer_key text,
  recognition boolean NOT NULL,
  offers boolean NOT NULL
);
CREATE INDEX alumni_search_by_name ON alumni_search (sort_name, id);
CREATE TABLE search_position (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  seq bigint NOT NULL
);
INSERT INTO search_position (seq) VALUES (0);

-- Erasure anonymises introductions: the row stays for the programme's counts (kind, when, who logged it),
-- without the alumnus, the note or the page it was logged on.
ALTER TABLE introductions ALTER COLUMN alumnus_id DROP NOT NULL;
ALTER TABLE introductions ADD COLUMN IF NOT EXISTS erased_at timestamptz;
