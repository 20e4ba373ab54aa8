-- Introductions logged by staff; the client's UUID is the primary key and so the idempotency key.
CREATE TABLE introductions (
  id uuid PRIMARY KEY,
  alumnus_id text NOT NULL REFERENCES alumni (id),
  body jsonb NOT NULL,
  token_hash text NOT NULL,
  logged_by text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX introductions_by_alumnus ON introductions (alumnus_id, received_at);
