-- Business matching (issue 9): who a token belongs to, alumni showcases, staff suggestions and 商談 meetings.

-- An alumni token names the directory record it belongs to; a staff token carries the contact details its
-- holder's business card shows once a meeting is accepted.
ALTER TABLE api_tokens
  ADD COLUMN alumnus_id text,
  ADD COLUMN email text,
  ADD COLUMN phone text;

-- "What I do now". record holds the ShowcaseInput without `published`. A change staff can see (publishing,
-- unpublishing, editing while published) gives the alumnus's directory row a new change number, so delta sync
-- serves the record again with or without its `showcase`.
CREATE TABLE showcases (
  alumnus_id text PRIMARY KEY REFERENCES alumni (id),
  record jsonb NOT NULL,
  published boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX showcases_published ON showcases (alumnus_id) WHERE published;

-- A staff member pointing an alumnus to an offer; one per alumnus and offer (the first one counts).
CREATE TABLE suggestions (
  id uuid PRIMARY KEY,
  alumnus_id text NOT NULL REFERENCES alumni (id),
  offer_id text NOT NULL REFERENCES offers (id),
  body jsonb NOT NULL,
  token_hash text NOT NULL,
  suggested_by text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX suggestions_once ON suggestions (alumnus_id, offer_id);

-- A meeting: body is the client's MeetingInput as received (a retry is compared against it); state is the
-- state machine's view (utils/meetings/machine.ts); staff_card is the business card of the staff member now
-- handling it (who proposed or accepted the times); cards are the two business cards exchanged on acceptance.
-- Meetings are synced like the directory (seq from change_seq, taken under the synced-writes lock).
CREATE TABLE meetings (
  id uuid PRIMARY KEY,
  alumnus_id text NOT NULL REFERENCES alumni (id),
  offer_id text REFERENCES offers (id),
  body jsonb NOT NULL,
  token_hash text NOT NULL,
  created_by_side text NOT NULL CHECK (created_by_side IN ('alumnus', 'staff')),
  created_by_name text NOT NULL,
  created_by_email text,
  alumnus_name text NOT NULL,
  offer_title text,
  state jsonb NOT NULL,
  staff_card jsonb,
  cards jsonb,
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX meetings_by_seq ON meetings (seq);
CREATE INDEX meetings_by_alumnus ON meetings (alumnus_id);

-- Each step of a meeting, keyed by the client's UUID (the idempotency key); body is the step as received.
CREATE TABLE meeting_events (
  id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  body jsonb NOT NULL,
  token_hash text NOT NULL,
  actor_side text NOT NULL CHECK (actor_side IN ('alumnus', 'staff')),
  actor_name text NOT NULL,
  position bigint NOT NULL DEFAULT nextval('change_seq'),
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_events_by_meeting ON meeting_events (meeting_id, position);

-- Whether two people are the same staff member: by e-mail when both have one, else by name (trimmed, any case).
-- Offers name their contact and alumni their relationship owner as {name, email?}; tokens carry name and email.
CREATE FUNCTION same_staff_person(a_name text, a_email text, b_name text, b_email text) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN a_email IS NOT NULL AND b_email IS NOT NULL THEN lower(btrim(a_email)) = lower(btrim(b_email))
    ELSE lower(btrim(a_name)) = lower(btrim(b_name))
  END
$$;

-- Erasing an alumnus (the directory row becomes a tombstone) erases what matching kept about them: the showcase,
-- suggestions and meeting steps go; each meeting becomes a tombstone with a new change number, so the clients
-- that hold it drop it on their next sync.
CREATE FUNCTION alumnus_erased_forget_matching() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL THEN
    DELETE FROM showcases WHERE alumnus_id = NEW.id;
    DELETE FROM suggestions WHERE alumnus_id = NEW.id;
    DELETE FROM meeting_events WHERE meeting_id IN (SELECT id FROM meetings WHERE alumnus_id = NEW.id);
    UPDATE meetings
       SET body = '{}', state = '{}', staff_card = NULL, cards = NULL, alumnus_name = '', offer_title = NULL, created_by_name = '',
           created_by_email = NULL, deleted_at = now(), updated_at = now(), seq = nextval('change_seq')
     WHERE alumnus_id = NEW.id AND deleted_at IS NULL;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER alumni_erasure_forgets_matching
  AFTER UPDATE OF deleted_at ON alumni
  FOR EACH ROW EXECUTE FUNCTION alumnus_erased_forget_matching();
