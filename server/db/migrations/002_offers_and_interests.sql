-- Collaboration offers (synced like the directory; closed, never deleted) and alumni answering them.
CREATE TABLE offers (
  id text PRIMARY KEY,
  record jsonb NOT NULL,
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX offers_by_seq ON offers (seq);

-- body is the client's InterestInput as received: a retry with the same id is compared against it.
CREATE TABLE interests (
  id uuid PRIMARY KEY,
  offer_id text NOT NULL REFERENCES offers (id),
  body jsonb NOT NULL,
  token_hash text NOT NULL,
  submitted_by text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interests_by_token ON interests (token_hash, received_at);
CREATE INDEX interests_by_offer ON interests (offer_id, received_at);
