-- Consent to recognition decides what delta sync serves; a stored column derived from the record lets the
-- first sync of a large directory skip the non-consenting alumni by index instead of reading every record.
ALTER TABLE alumni
  ADD COLUMN recognised boolean GENERATED ALWAYS AS (
    deleted_at IS NULL AND coalesce((record -> 'consent' ->> 'recognition')::boolean, false)
  ) STORED;
CREATE INDEX alumni_recognised_by_seq ON alumni (seq) WHERE recognised;
