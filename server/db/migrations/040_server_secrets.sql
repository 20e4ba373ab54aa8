-- Secrets the server keeps in its database, so that every process on one PostgreSQL shares them (and an
-- embedded data folder carries its own). `sync-cursor` signs delta-sync cursors (server/sync/cursor-key.ts);
-- it is created by the first server that needs it, from Node's cryptographic random source.
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  secret text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
