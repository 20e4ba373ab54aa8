-- The alumni role is served only the organisations an open offer concerns (their websites are where an alumnus
-- sees those offers), never the others: not their records, and not their ids in `removed` either.
-- `offered` says whether an open offer concerns the organisation. `alumni_seq` is its change number in the alumni
-- feed: it moves when the organisation starts or stops being offered, or when an offered one changes or is
-- deleted; it never moves for the others (0 = never shown to alumni). Triggers keep both true on every path that
-- writes offers or organisations (API, CLI, demo seed), and the staff feed (`seq`) is left as it was.
ALTER TABLE organizations
  ADD COLUMN offered boolean NOT NULL DEFAULT false,
  ADD COLUMN alumni_seq bigint NOT NULL DEFAULT 0;

CREATE FUNCTION organization_alumni_view() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.offered := EXISTS (SELECT 1 FROM offers offer
    WHERE offer.record ->> 'status' = 'open' AND offer.record ->> 'organizationId' = NEW.id);
  IF TG_OP = 'INSERT' THEN
    NEW.alumni_seq := CASE WHEN NEW.offered THEN NEW.seq ELSE 0 END;
  ELSIF NEW.offered IS DISTINCT FROM OLD.offered OR (NEW.offered AND NEW.seq <> OLD.seq) THEN
    NEW.alumni_seq := nextval('change_seq');
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER organizations_alumni_view
  BEFORE INSERT OR UPDATE ON organizations
  FOR EACH ROW EXECUTE FUNCTION organization_alumni_view();

-- An offer opened, closed, deleted or moved to another organisation re-evaluates the organisations involved.
CREATE FUNCTION offer_touches_organizations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  involved text[] := ARRAY[]::text[];
BEGIN
  IF TG_OP <> 'INSERT' THEN involved := involved || (OLD.record ->> 'organizationId'); END IF;
  IF TG_OP <> 'DELETE' THEN involved := involved || (NEW.record ->> 'organizationId'); END IF;
  UPDATE organizations SET offered = offered WHERE id = ANY (involved);
  RETURN NULL;
END
$$;

CREATE TRIGGER offers_touch_organizations
  AFTER INSERT OR UPDATE OR DELETE ON offers
  FOR EACH ROW EXECUTE FUNCTION offer_touches_organizations();

CREATE INDEX offers_open_by_organization ON offers ((record ->> 'organizationId')) WHERE record ->> 'status' = 'open';
CREATE INDEX organizations_by_alumni_seq ON organizations (alumni_seq);

-- Existing rows: the update fires the trigger, which computes `offered`; the offered ones enter the alumni feed.
UPDATE organizations SET offered = offered;
