-- Two publishes about one place (two unrelated claims, say) both rebuild that place's row of place_search. Each
-- deleted the row and inserted a new one, so the second collided on the key of the row the first had just
-- inserted and was refused as a conflict, though nothing conflicted. Now a refresh first takes a lock per place
-- (transaction-scoped advisory locks, in id order), and only then deletes and re-inserts: each of those statements
-- sees what the other transaction committed, so the row it writes includes the other's change too.
-- A large refresh (a bulk load, a migration) locks the table once instead of holding thousands of locks.
ALTER FUNCTION refresh_place_search(bigint[]) RENAME TO rebuild_place_search;

CREATE FUNCTION refresh_place_search(ids bigint[]) RETURNS void
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
END
$$;
