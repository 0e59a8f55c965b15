-- Search: names matched by trigram similarity on a normalised form, everything else (descriptions, event
-- summaries, claim quotes) by full-text search, and every filterable fact of a place gathered in one row of
-- place_search so that a search reads one table. place_search is an index derived from the registry, kept up
-- to date by triggers; nothing in it is ever edited by hand.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The one normalisation for names, texts and queries: lower case, Latin diacritics removed, Arabic short vowels,
-- tatweel and hamza/alef/ya/ta-marbuta variants folded, apostrophes dropped ("Ba'al" = "Baal"), any other
-- punctuation (hyphens included) a single space. Declared immutable so that it can feed generated columns;
-- it depends only on the unaccent rules shipped with PostgreSQL.
CREATE FUNCTION athar_normalize(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT btrim(regexp_replace(
           translate(lower(public.unaccent('public.unaccent'::regdictionary, $1)),
                     'أإآٱؤئىة' || 'ـًٌٍَُِّْٰ' || '''’‘ʼʻ`´',
                     'ااااوييه'),
           '[^0-9a-z\u00e0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0750-\u077f]+', ' ', 'g'))
$$;

ALTER TABLE place_name
    ADD COLUMN norm    text GENERATED ALWAYS AS (athar_normalize(name)) STORED,
    ADD COLUMN compact text GENERATED ALWAYS AS (replace(athar_normalize(name), ' ', '')) STORED;
CREATE INDEX place_name_compact_idx ON place_name (compact);
CREATE INDEX place_name_norm_trgm_idx ON place_name USING gin (norm gin_trgm_ops);

CREATE TABLE place_search (
    place_id          bigint PRIMARY KEY REFERENCES place (id) ON DELETE CASCADE,
    site_id           bigint    NOT NULL,
    level             text      NOT NULL,
    place_type        text      NOT NULL,
    kind              text      NOT NULL,
    display_name      text      NOT NULL,
    doc               tsvector  NOT NULL,
    -- the status timeline, oldest first: condition i holds from day i
    status_days       date[]    NOT NULL,
    status_conditions text[]    NOT NULL,
    causes            text[]    NOT NULL,
    effects           text[]    NOT NULL,
    severities        text[]    NOT NULL,
    source_kinds      text[]    NOT NULL,
    verifications     text[]    NOT NULL,
    event_days        datemultirange NOT NULL,
    latest_event      date
);
CREATE INDEX place_search_doc_idx ON place_search USING gin (doc);
CREATE INDEX place_search_site_idx ON place_search (site_id);
CREATE INDEX place_search_event_days_idx ON place_search USING gist (event_days);

-- The condition a timeline gives on a day: the last entry that holds by then.
CREATE FUNCTION condition_on(days date[], conditions text[], day date) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT conditions[i] FROM generate_subscripts(days, 1) AS i WHERE days[i] <= day ORDER BY i DESC LIMIT 1
$$;

CREATE FUNCTION refresh_place_search(ids bigint[]) RETURNS void
    LANGUAGE sql
AS $$
DELETE FROM place_search WHERE place_id = ANY (ids);
INSERT INTO place_search
SELECT p.id,
       (WITH RECURSIVE up AS (SELECT id, parent_id FROM place WHERE id = p.id
                              UNION ALL SELECT q.id, q.parent_id FROM place q JOIN up ON q.id = up.parent_id)
        SELECT id FROM up WHERE parent_id IS NULL),
       p.level, p.place_type, p.kind,
       coalesce((SELECT n.name FROM place_name n WHERE n.place_id = p.id
                 ORDER BY n.name_type = 'DESIGNATION' DESC, n.language = 'en' DESC, n.id LIMIT 1), p.slug),
       to_tsvector('simple', athar_normalize(concat_ws(' ', p.description, ev.summaries, cl.quotes))),
       coalesce(st.days, '{}'), coalesce(st.conditions, '{}'),
       coalesce(ev.causes, '{}'), coalesce(ev.effects, '{}'), coalesce(cl.severities, '{}'),
       coalesce(cl.source_kinds, '{}'), coalesce(cl.verifications, '{}'),
       coalesce(dd.days, '{}'), cl.latest
FROM place p
LEFT JOIN LATERAL (
    SELECT array_agg(s.effective_on ORDER BY s.effective_on, s.id) AS days,
           array_agg(s.condition ORDER BY s.effective_on, s.id) AS conditions
    FROM status_assessment s WHERE s.place_id = p.id) st ON true
LEFT JOIN LATERAL (
    SELECT string_agg(e.summary, ' ') AS summaries,
           array_agg(DISTINCT e.cause_category) AS causes,
           (SELECT array_agg(DISTINCT f.effect_type) FROM damage_event_effect f
             JOIN damage_event_place dp2 ON dp2.event_id = f.event_id WHERE dp2.place_id = p.id) AS effects
    FROM damage_event_place dp JOIN damage_event e ON e.id = dp.event_id
    WHERE dp.place_id = p.id) ev ON true
LEFT JOIN LATERAL (
    SELECT string_agg(c.quote, ' ') AS quotes,
           array_agg(DISTINCT c.severity) FILTER (WHERE c.severity IS NOT NULL) AS severities,
           array_agg(DISTINCT src.kind) AS source_kinds,
           array_agg(DISTINCT c.verification) AS verifications,
           max(coalesce(c.date_latest, c.date_earliest)) AS latest
    FROM claim c JOIN source src ON src.id = c.source_id
    WHERE c.place_id = p.id
       OR c.event_id IN (SELECT dp.event_id FROM damage_event_place dp WHERE dp.place_id = p.id)) cl ON true
-- When an event was: the windows its claims give, keeping only closed windows when it has any, since "on or
-- before 19 Jan 2017" alone would place an event of January 2017 in every earlier window too.
LEFT JOIN LATERAL (
    SELECT range_agg(w) AS days FROM (
        SELECT coalesce(range_agg(c.date_range) FILTER (WHERE NOT lower_inf(c.date_range) AND NOT upper_inf(c.date_range)),
                        range_agg(c.date_range)) AS w
        FROM claim c
        WHERE c.date_range IS NOT NULL
          AND (c.place_id = p.id OR c.event_id IN (SELECT dp.event_id FROM damage_event_place dp WHERE dp.place_id = p.id))
        GROUP BY c.event_id) per_event) dd ON true
WHERE p.id = ANY (ids);
$$;

-- Triggers: each change refreshes the places it touches. A bulk load sets athar.bulk_load = 'on' in its session
-- and refreshes everything once at the end instead.
CREATE FUNCTION place_search_refresh_trigger() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    r      jsonb;
    places bigint[] := '{}';
BEGIN
    IF current_setting('athar.bulk_load', true) = 'on' THEN
        RETURN NULL;
    END IF;
    FOREACH r IN ARRAY array_remove(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
                                          CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END], NULL) LOOP
        places := places || CASE TG_TABLE_NAME
            WHEN 'place' THEN ARRAY(SELECT id FROM place WHERE id = (r->>'id')::bigint OR parent_id = (r->>'id')::bigint)
            WHEN 'damage_event' THEN ARRAY(SELECT place_id FROM damage_event_place WHERE event_id = (r->>'id')::bigint)
            WHEN 'damage_event_effect' THEN ARRAY(SELECT place_id FROM damage_event_place WHERE event_id = (r->>'event_id')::bigint)
            WHEN 'claim' THEN ARRAY(SELECT place_id FROM damage_event_place WHERE event_id = (r->>'event_id')::bigint
                                    UNION SELECT (r->>'place_id')::bigint WHERE r->>'place_id' IS NOT NULL)
            WHEN 'source' THEN ARRAY(SELECT c.place_id FROM claim c WHERE c.source_id = (r->>'id')::bigint AND c.place_id IS NOT NULL
                                     UNION SELECT dp.place_id FROM claim c JOIN damage_event_place dp ON dp.event_id = c.event_id
                                     WHERE c.source_id = (r->>'id')::bigint)
            ELSE ARRAY[(r->>'place_id')::bigint] -- place_name, status_assessment, damage_event_place
        END;
    END LOOP;
    PERFORM refresh_place_search(places);
    RETURN NULL;
END
$$;

CREATE TRIGGER place_search_refresh AFTER INSERT OR DELETE OR UPDATE OF description, parent_id, place_type, kind, level
    ON place FOR EACH ROW EXECUTE FUNCTION place_search_refresh_trigger();
CREATE TRIGGER place_search_refresh AFTER INSERT OR UPDATE OR DELETE
    ON place_name FOR EACH ROW EXECUTE FUNCTION place_search_refresh_trigger();
CREATE TRIGGER place_search_refresh AFTER INSERT OR UPDATE OR DELETE
    ON status_assessment FOR EACH ROW EXECUTE FUNCTION place_search_refresh_trigger();
CREATE TRIGGER place_search_refresh AFTER UPDATE OF summary, cause_category
    ON damage_event FOR EACH ROW EXECUTE FUNCTION place_search_refresh_trigger();
CREATE TRIGGER place_search_refresh AFTER INSERT OR UPDATE OR DELETE
    ON damage_event_place FOR EACH ROW EXECUTE FUNCTION place_search_refresh_trigger();
CREATE TRIGGER place_search_refresh AFTER INSERT OR UPDATE OR DELETE
    ON damage_event_effect FOR EACH ROW EXECUTE FUNCTION place_search_refresh_trigger();
CREATE TRIGGER place_search_refresh AFTER INSERT OR UPDATE OR DELETE
    ON claim FOR EACH ROW EXECUTE FUNCTION place_search_refresh_trigger();
CREATE TRIGGER place_search_refresh AFTER UPDATE OF kind
    ON source FOR EACH ROW EXECUTE FUNCTION place_search_refresh_trigger();

-- Index what is already registered.
SELECT refresh_place_search(ARRAY(SELECT id FROM place));
