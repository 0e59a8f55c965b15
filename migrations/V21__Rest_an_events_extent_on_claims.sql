-- An event's extent (EAMENA: how much of the place is damaged) rests on claims, as its date and severity do: each
-- source says how much it saw, and where sources disagree each keeps its claim. Until now the extent was stored on the
-- event, written with the report that recorded it; it moves to that report's claim (the event's first), so that it
-- keeps a source, and the event's own column goes.
ALTER TABLE claim
    ADD COLUMN extent text CHECK (extent IN ('NO_VISIBLE_KNOWN', 'PCT_1_10', 'PCT_11_30', 'PCT_31_60', 'PCT_61_90',
                                             'PCT_91_100', 'UNKNOWN')),
    ADD CONSTRAINT claim_extent_of_an_event CHECK (extent IS NULL OR event_id IS NOT NULL);

UPDATE claim c SET extent = e.extent
FROM damage_event e
WHERE e.id = c.event_id AND e.extent IS NOT NULL
  AND c.id = (SELECT min(first.id) FROM claim first WHERE first.event_id = e.id);

ALTER TABLE damage_event DROP COLUMN extent;

DROP TRIGGER event_reading_stale ON claim;
CREATE TRIGGER event_reading_stale AFTER INSERT OR DELETE OR UPDATE OF event_id, date_edtf, date_earliest, date_latest,
    date_precision, severity, extent, actor, actor_id, certainty, verification, disputed_by_id, source_id
    ON claim FOR EACH ROW EXECUTE FUNCTION event_reading_stale_trigger();
