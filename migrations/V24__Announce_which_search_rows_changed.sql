-- Each node keeps the search rows of broad words in memory (org.athar.search.BroadWords), so that a word found in
-- thousands of places is answered without reading thousands of rows. A node must hear which rows changed, whoever
-- changed them: every refresh announces its places on the channel 'athar_search' when its transaction commits, as
-- the history triggers announce changes on 'athar_change'. A payload holds at most 8,000 bytes: a large refresh
-- (a bulk load, an import, a migration) announces '*', and nodes read every row again.
CREATE OR REPLACE FUNCTION refresh_place_search(ids bigint[]) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    IF cardinality(ids) > 64 THEN
        LOCK TABLE place_search IN SHARE ROW EXCLUSIVE MODE;
    ELSE
        -- 0x5E4C: this lock class ("search"); ids beyond 2^31 share locks, which only serialises more
        PERFORM pg_advisory_xact_lock(24140, (id % 2147483647)::int)
        FROM (SELECT DISTINCT id FROM unnest(ids) AS id WHERE id IS NOT NULL ORDER BY id) AS sorted;
    END IF;
    PERFORM rebuild_place_search(ids);
    IF cardinality(ids) > 0 THEN
        PERFORM pg_notify('athar_search', CASE WHEN cardinality(ids) > 300 THEN '*'
                                               ELSE array_to_string(ARRAY(SELECT DISTINCT unnest(ids)), ',') END);
    END IF;
END
$$;

-- A place's address is kept with its search row in memory, to link the places a search found: a new address
-- refreshes the row too.
DROP TRIGGER place_search_refresh ON place;
CREATE TRIGGER place_search_refresh AFTER INSERT OR DELETE OR UPDATE OF slug, description, parent_id, place_type, kind, level
    ON place FOR EACH ROW EXECUTE FUNCTION place_search_refresh_trigger();

-- The words of each name as full-text search reads them, kept with the name: a search shows, for each place it found
-- by words in its names, the name that has them, and found that by reading every name of the page's places again.
ALTER TABLE place_name ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('english', athar_words(name))) STORED;
