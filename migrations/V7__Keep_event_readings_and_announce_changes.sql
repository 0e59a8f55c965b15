-- Pages order events by when they happened, and the home page shows the most recent of a million. That date is
-- the event's reading (org.athar.damage.EventReading: the best-supported window its claims give), derived in Java
-- and in Java only. event_reading keeps the reading's window beside each event so that ordering is an index scan.
--
-- It is derived data, like place_search: no history, never edited by hand. Any change that can alter a reading
-- (a claim written, moved or removed; a source's reliability regraded) marks the event's row stale here, whoever
-- made it. The application recomputes stale readings before its own transactions commit, and, for changes made by
-- other programs, as soon as the database announces them (below).
CREATE TABLE event_reading (
    event_id bigint  PRIMARY KEY REFERENCES damage_event (id) ON DELETE CASCADE,
    earliest date,
    latest   date,
    -- the day events are ordered by: the end of the window, or its start when it is open-ended
    day      date    GENERATED ALWAYS AS (coalesce(latest, earliest)) STORED,
    disputed boolean NOT NULL DEFAULT false,
    stale    boolean NOT NULL DEFAULT true,
    CHECK (earliest <= latest)
);
CREATE INDEX event_reading_recent_idx ON event_reading (day DESC NULLS LAST, event_id DESC);
CREATE INDEX event_reading_stale_idx ON event_reading (event_id) WHERE stale;

-- Upserts, so that two transactions touching claims of one event never collide on a missing row.
CREATE FUNCTION event_reading_stale_trigger() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF current_setting('athar.bulk_load', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'damage_event' THEN
        INSERT INTO event_reading (event_id) VALUES (NEW.id) ON CONFLICT (event_id) DO NOTHING;
    ELSIF TG_TABLE_NAME = 'source' THEN
        INSERT INTO event_reading (event_id)
        SELECT DISTINCT c.event_id FROM claim c WHERE c.source_id = NEW.id AND c.event_id IS NOT NULL
        ON CONFLICT (event_id) DO UPDATE SET stale = true;
    ELSE
        -- a claim: the event it left and the event it now belongs to (an event being deleted takes its row along)
        INSERT INTO event_reading (event_id)
        SELECT e.id FROM damage_event e
        WHERE e.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.event_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.event_id END)
        ON CONFLICT (event_id) DO UPDATE SET stale = true;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER event_reading_stale AFTER INSERT ON damage_event
    FOR EACH ROW EXECUTE FUNCTION event_reading_stale_trigger();
CREATE TRIGGER event_reading_stale AFTER INSERT OR DELETE OR UPDATE OF event_id, date_edtf, date_earliest, date_latest,
    date_precision, severity, actor, certainty, verification, source_id
    ON claim FOR EACH ROW EXECUTE FUNCTION event_reading_stale_trigger();
CREATE TRIGGER event_reading_stale AFTER UPDATE OF reliability ON source
    FOR EACH ROW EXECUTE FUNCTION event_reading_stale_trigger();

INSERT INTO event_reading (event_id) SELECT id FROM damage_event;

-- Every committed change to the registry is announced on the channel 'athar_change' (PostgreSQL delivers a
-- notification at commit, and only then, to every listening connection), so that each application node drops the
-- pages it has cached and recomputes stale readings, whichever node or program made the change. The same
-- trigger that keeps history announces it: no writer can change the registry silently. Identical notifications of
-- one transaction are folded into one by PostgreSQL; the payload names the table.
CREATE OR REPLACE FUNCTION record_history() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    change  bigint;
BEGIN
    -- generated benchmark data (athar.bulk_load) is not registry history; the generator announces itself once
    IF current_setting('athar.bulk_load', true) = 'on' OR old_row = new_row THEN
        RETURN NULL;
    END IF;
    PERFORM pg_notify('athar_change', TG_TABLE_NAME);
    INSERT INTO change_set (txid, actor, comment)
    VALUES (txid_current(), coalesce(nullif(current_setting('athar.actor', true), ''), session_user),
            nullif(current_setting('athar.comment', true), ''))
    ON CONFLICT (txid) DO NOTHING;
    SELECT id INTO change FROM change_set WHERE txid = txid_current();
    INSERT INTO history (change_set_id, table_name, owner_table, owner_id, operation, before, after)
    VALUES (change, TG_TABLE_NAME, TG_ARGV[0], (coalesce(new_row, old_row) ->> TG_ARGV[1])::bigint, TG_OP,
            old_row, new_row);
    RETURN NULL;
END
$$;
