-- Word forms count as the same word in full-text search: "tomb" finds "Valley of the Tombs", "tombs" finds "Tomb of
-- ...", and "theater" finds "Roman Theatre". Names and texts are indexed with PostgreSQL's English configuration
-- (Snowball stemming, English stop words; Arabic words pass through it as they are, folded by athar_normalize) after
-- American spellings are folded into British ones, as the registry's texts use them. Queries go through the same
-- athar_words and configuration (org.athar.search.SearchService). Exact and fuzzy name matching are unchanged.

CREATE FUNCTION athar_words(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT regexp_replace(regexp_replace(regexp_replace(regexp_replace(athar_normalize($1),
           '\m(theat|cent|met|fib|lust|sab|sepulch|spect)er(s?)\M', '\1re\2', 'g'),
           '\m(col|hon|harb|lab|arm|vap|savi|ard|spl)or(s?)\M', '\1our\2', 'g'),
           '\m(defen|offen)se\M', '\1ce', 'g'),
           '\m(catalog|dialog)(s?)\M', '\1ue\2', 'g')
$$;

CREATE OR REPLACE FUNCTION refresh_place_search(ids bigint[]) RETURNS void
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
       coalesce(dd.days, '{}'), cl.latest
FROM place p
LEFT JOIN cl ON cl.pid = p.id
LEFT JOIN dd ON dd.pid = p.id
LEFT JOIN ev ON ev.pid = p.id
LEFT JOIN ef ON ef.pid = p.id
LEFT JOIN st ON st.pid = p.id
LEFT JOIN nm ON nm.pid = p.id
WHERE p.id = ANY (ids);
$$;


-- Re-index what is registered, in slices so that a large registry is not one enormous statement.
DO $$
DECLARE
    low bigint;
BEGIN
    FOR low IN SELECT generate_series(0, coalesce(max(id), 0), 10000) FROM place LOOP
        PERFORM refresh_place_search(ARRAY(SELECT id FROM place WHERE id > low AND id <= low + 10000));
    END LOOP;
END
$$;
