-- A site's page showed how many of its monuments are in each condition, the chart of those counts over time, and
-- the extent of its map by reading every monument's search row three times: work that grows with the site (about
-- 4 ms of the database's time per page at 200 monuments, and a site may have thousands). Each site now keeps that
-- summary in one row, derived from its search rows and refreshed when they change, so that its page reads one row.
CREATE TABLE site_summary (
    site_id         bigint           PRIMARY KEY REFERENCES place (id) ON DELETE CASCADE,
    -- the monuments' current conditions, worst first, not assessed (null) last, and how many are in each
    conditions      text[]           NOT NULL,
    counts          int[]            NOT NULL CHECK (cardinality(counts) = cardinality(conditions)),
    -- the extent of the site, its monuments and their parts, where the public may see them; null when none is located
    west            double precision,
    south           double precision,
    east            double precision,
    north           double precision,
    CHECK (num_nulls(west, south, east, north) IN (0, 4)),
    -- the chart: the days (or months, or years: step_unit) on which the counts change, each with how the count of a
    -- condition changes then, in day order
    step_unit       text             NOT NULL CHECK (step_unit IN ('day', 'month', 'year')),
    step_days       date[]           NOT NULL,
    step_conditions text[]           NOT NULL CHECK (cardinality(step_conditions) = cardinality(step_days)),
    step_deltas     int[]            NOT NULL CHECK (cardinality(step_deltas) = cardinality(step_days))
);

-- The change steps of one site's monuments, from the status timelines of their search rows: one row per period and
-- condition whose count changes in it. Periods are days, unless there are more such days than a chart shows apart
-- (max_steps): then months, or years over more than max_steps months.
CREATE FUNCTION athar_site_steps(site bigint, max_steps int)
    RETURNS TABLE (day date, condition text, delta int, unit text)
    LANGUAGE sql STABLE
AS $$
WITH t AS (
    SELECT u.d, u.c, lead(u.d) OVER (PARTITION BY s.place_id ORDER BY u.o) AS next
    FROM place_search s, unnest(s.status_days, s.status_conditions) WITH ORDINALITY AS u(d, c, o)
    WHERE s.site_id = site AND s.level = 'MONUMENT'
), changes AS (
    SELECT d AS day, c, 1 AS delta FROM t UNION ALL SELECT next, c, -1 FROM t WHERE next IS NOT NULL
), span AS (
    SELECT CASE WHEN count(DISTINCT day) <= max_steps THEN 'day'
                WHEN (extract(year FROM max(day)) - extract(year FROM min(day))) * 12
                     + extract(month FROM max(day)) - extract(month FROM min(day)) < max_steps THEN 'month'
                ELSE 'year' END AS unit
    FROM changes
)
SELECT date_trunc(unit, day)::date, c, sum(delta)::int, unit FROM changes, span GROUP BY 1, 2, 4 ORDER BY 1, 2
$$;

-- Rebuilds the summaries of these sites (ids that are not sites are left without one).
CREATE FUNCTION refresh_site_summary(sites bigint[]) RETURNS void
    LANGUAGE sql
AS $$
DELETE FROM site_summary WHERE site_id = ANY (sites);
INSERT INTO site_summary
SELECT p.id, coalesce(c.conditions, '{}'), coalesce(c.counts, '{}'), e.west, e.south, e.east, e.north,
       coalesce(st.unit, 'day'), coalesce(st.days, '{}'), coalesce(st.conditions, '{}'), coalesce(st.deltas, '{}')
FROM place p
CROSS JOIN LATERAL (
    SELECT array_agg(m.st ORDER BY m.rank NULLS LAST) AS conditions, array_agg(m.n ORDER BY m.rank NULLS LAST) AS counts
    FROM (SELECT s.status_conditions[cardinality(s.status_conditions)] AS st, count(*)::int AS n,
                 array_position(ARRAY['DESTROYED', 'VERY_BAD', 'POOR', 'FAIR', 'GOOD', 'UNKNOWN'],
                                s.status_conditions[cardinality(s.status_conditions)]) AS rank
          FROM place_search s WHERE s.site_id = p.id AND s.level = 'MONUMENT' GROUP BY 1, 3) m
) c
CROSS JOIN LATERAL (
    SELECT min(pt[0]) AS west, min(pt[1]) AS south, max(pt[0]) AS east, max(pt[1]) AS north
    FROM (SELECT athar_public_point(q.latitude, q.longitude, q.location_sensitivity) AS pt
          FROM place_search s JOIN place q ON q.id = s.place_id WHERE s.site_id = p.id) located
    WHERE pt IS NOT NULL
) e
CROSS JOIN LATERAL (
    SELECT min(x.unit) AS unit, array_agg(x.day ORDER BY x.day, x.condition) AS days,
           array_agg(x.condition ORDER BY x.day, x.condition) AS conditions, array_agg(x.delta ORDER BY x.day, x.condition) AS deltas
    FROM athar_site_steps(p.id, 60) x
) st
WHERE p.id = ANY (sites) AND p.level = 'SITE';
$$;

-- Which sites' summaries the running transaction made stale, and summarises them when it commits: once per site
-- however many of its rows the transaction changed, and after everything else it did, so that a summary is taken
-- under a lock of its site and includes whatever another transaction committed about the same site meanwhile.
-- Rows are never unique here, so that marking a site stale never waits for another transaction.
CREATE TABLE site_summary_stale (
    site_id bigint NOT NULL,
    tx      xid8   NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX site_summary_stale_tx_idx ON site_summary_stale (tx);

CREATE FUNCTION site_summary_commit_trigger() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    sites bigint[];
BEGIN
    sites := ARRAY(SELECT DISTINCT site_id FROM site_summary_stale WHERE tx = pg_current_xact_id() ORDER BY site_id);
    IF cardinality(sites) = 0 THEN
        RETURN NULL; -- an earlier row's firing summarised them all
    END IF;
    DELETE FROM site_summary_stale WHERE tx = pg_current_xact_id();
    IF cardinality(sites) > 64 THEN
        LOCK TABLE site_summary IN SHARE ROW EXCLUSIVE MODE;
    ELSE
        -- 0x5E4D: this lock class ("summary"), taken in id order
        PERFORM pg_advisory_xact_lock(24141, (id % 2147483647)::int) FROM unnest(sites) AS id;
    END IF;
    PERFORM refresh_site_summary(sites);
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER site_summary_at_commit AFTER INSERT ON site_summary_stale
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION site_summary_commit_trigger();

-- Search rows written or deleted, by a refresh or by deleting their place, mark the sites they belong (or belonged) to.
CREATE FUNCTION place_search_summary_trigger() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO site_summary_stale (site_id) SELECT DISTINCT site_id FROM written;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO site_summary_stale (site_id) SELECT DISTINCT site_id FROM gone;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER place_search_summary_insert AFTER INSERT ON place_search REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION place_search_summary_trigger();
CREATE TRIGGER place_search_summary_update AFTER UPDATE ON place_search REFERENCING OLD TABLE AS gone NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION place_search_summary_trigger();
CREATE TRIGGER place_search_summary_delete AFTER DELETE ON place_search REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION place_search_summary_trigger();

-- A place moved (or its location generalised or withheld) changes its site's extent, though not its search row.
CREATE FUNCTION place_location_summary_trigger() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO site_summary_stale (site_id) SELECT site_id FROM place_search WHERE place_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER place_location_summary AFTER UPDATE OF latitude, longitude, location_sensitivity ON place
    FOR EACH ROW WHEN (OLD.latitude IS DISTINCT FROM NEW.latitude OR OLD.longitude IS DISTINCT FROM NEW.longitude
                       OR OLD.location_sensitivity IS DISTINCT FROM NEW.location_sensitivity)
    EXECUTE FUNCTION place_location_summary_trigger();

-- A list of places (a site's monuments, a monument's parts) shows each place's address with its name and condition: the
-- search row keeps the address too (a change of address already refreshes the row, V24), so that a page of fifty
-- monuments is read from the search rows alone instead of looking each one up in place again.
ALTER TABLE place_search ADD COLUMN slug text;
UPDATE place_search s SET slug = p.slug FROM place p WHERE p.id = s.place_id;
ALTER TABLE place_search ALTER COLUMN slug SET NOT NULL;

CREATE OR REPLACE FUNCTION rebuild_place_search(ids bigint[]) RETURNS void
    LANGUAGE sql
AS $$
DELETE FROM place_search WHERE place_id = ANY (ids);
WITH place_claims AS (
    SELECT c.place_id AS pid, c.event_id, c.quote, c.severity, c.verification, c.source_id, c.date_range,
           coalesce(c.date_latest, c.date_earliest) AS day
    FROM claim c WHERE c.place_id = ANY (ids)
    UNION ALL
    SELECT dp.place_id, c.event_id, c.quote, c.severity, c.verification, c.source_id, c.date_range,
           coalesce(c.date_latest, c.date_earliest)
    FROM damage_event_place dp JOIN claim c ON c.event_id = dp.event_id WHERE dp.place_id = ANY (ids)
), cl AS (
    SELECT pc.pid, string_agg(pc.quote, ' ') AS quotes,
           array_agg(DISTINCT pc.severity) FILTER (WHERE pc.severity IS NOT NULL) AS severities,
           array_agg(DISTINCT src.kind) AS source_kinds, array_agg(DISTINCT pc.verification) AS verifications,
           max(pc.day) AS latest
    FROM place_claims pc JOIN source src ON src.id = pc.source_id
    GROUP BY pc.pid
), dd AS (
    -- When an event was: the windows its claims give, keeping only closed windows when it has any, since
    -- "on or before 19 Jan 2017" alone would place an event of January 2017 in every earlier window too.
    SELECT pid, range_agg(w) AS days FROM (
        SELECT pid, coalesce(range_agg(date_range) FILTER (WHERE NOT lower_inf(date_range) AND NOT upper_inf(date_range)),
                             range_agg(date_range)) AS w
        FROM place_claims WHERE date_range IS NOT NULL GROUP BY pid, event_id) per_event
    GROUP BY pid
), ev AS (
    SELECT dp.place_id AS pid, string_agg(e.summary, ' ') AS summaries, array_agg(DISTINCT e.cause_category) AS causes
    FROM damage_event_place dp JOIN damage_event e ON e.id = dp.event_id WHERE dp.place_id = ANY (ids)
    GROUP BY dp.place_id
), ef AS (
    SELECT dp.place_id AS pid, array_agg(DISTINCT f.effect_type) AS effects
    FROM damage_event_place dp JOIN damage_event_effect f ON f.event_id = dp.event_id WHERE dp.place_id = ANY (ids)
    GROUP BY dp.place_id
), st AS (
    SELECT s.place_id AS pid, array_agg(s.effective_on ORDER BY s.effective_on, s.id) AS days,
           array_agg(s.condition ORDER BY s.effective_on, s.id) AS conditions
    FROM status_assessment s WHERE s.place_id = ANY (ids) GROUP BY s.place_id
), nm AS (
    SELECT n.place_id AS pid, string_agg(n.name, ' ') AS names,
           (array_agg(n.name ORDER BY n.name_type = 'DESIGNATION' DESC, n.language = 'en' DESC, n.id))[1] AS name
    FROM place_name n WHERE n.place_id = ANY (ids) GROUP BY n.place_id
)
INSERT INTO place_search
SELECT p.id,
       (WITH RECURSIVE up AS (SELECT id, parent_id FROM place WHERE id = p.id
                              UNION ALL SELECT q.id, q.parent_id FROM place q JOIN up ON q.id = up.parent_id)
        SELECT id FROM up WHERE parent_id IS NULL),
       p.level, p.place_type, p.kind, coalesce(nm.name, p.slug),
       to_tsvector('english', athar_words(concat_ws(' ', nm.names, p.description, ev.summaries, cl.quotes))),
       to_tsvector('english', athar_words(coalesce(nm.names, ''))),
       coalesce(st.days, '{}'), coalesce(st.conditions, '{}'),
       coalesce(ev.causes, '{}'), coalesce(ef.effects, '{}'), coalesce(cl.severities, '{}'),
       coalesce(cl.source_kinds, '{}'), coalesce(cl.verifications, '{}'),
       coalesce(dd.days, '{}'), cl.latest, p.slug
FROM place p
LEFT JOIN cl ON cl.pid = p.id
LEFT JOIN dd ON dd.pid = p.id
LEFT JOIN ev ON ev.pid = p.id
LEFT JOIN ef ON ef.pid = p.id
LEFT JOIN st ON st.pid = p.id
LEFT JOIN nm ON nm.pid = p.id
WHERE p.id = ANY (ids);
$$;

-- The first page of a site's monuments, worst condition first, is read in that order from an index, and from it
-- alone, not sorted from all of them (the expression is Registry's order: Condition.WORST_FIRST_SQL).
CREATE INDEX place_search_site_order_idx ON place_search (site_id, level,
    array_position(ARRAY['DESTROYED', 'VERY_BAD', 'POOR', 'FAIR', 'GOOD', 'UNKNOWN'], status_conditions[cardinality(status_conditions)]),
    display_name, slug) INCLUDE (kind, status_conditions);

SELECT refresh_site_summary(ARRAY(SELECT id FROM place WHERE level = 'SITE'));
