-- Search: names matched exactly or by trigram similarity on a normalised form, and everything (names,
-- descriptions, event summaries, claim quotes) by full-text search, and every filterable fact of a place gathered in one row of
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

-- The distinctive part of a name: the normalised name without the generic words that thousands of names share
-- ("Temple of", "Tower", "معبد"); empty when the name has nothing else ("Monumental Arch").
CREATE FUNCTION athar_distinctive(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT btrim(regexp_replace(regexp_replace(' ' || athar_normalize($1) || ' ',
           ' (?:the|of|al|el|temple|temples|tower|towers|tomb|tombs|arch|theatre|theater|amphitheatre|shrine|'
           || 'colonnade|citadel|museum|prison|valley|funerary|monumental|great|church|mosque|castle|palace|gate|'
           || 'house|site|معبد|برج|قبر|قوس|مسرح|مقام|رواق|قلعة|متحف|سجن|وادي|القبور)(?= )', '', 'g'), ' +', ' ', 'g'))
$$;

-- What fuzzy matching compares: the distinctive part, or the whole name when it has none. "Temple of Karran" is
-- thus looked up by "karran" rather than among every temple.
CREATE FUNCTION athar_core(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT coalesce(nullif(athar_distinctive($1), ''), athar_normalize($1))
$$;

ALTER TABLE place_name
    ADD COLUMN norm    text GENERATED ALWAYS AS (athar_normalize(name)) STORED,
    ADD COLUMN compact text GENERATED ALWAYS AS (replace(athar_normalize(name), ' ', '')) STORED,
    ADD COLUMN core    text GENERATED ALWAYS AS (athar_core(name)) STORED;
CREATE INDEX place_name_compact_idx ON place_name (compact);
CREATE INDEX place_name_core_trgm_idx ON place_name USING gin (core gin_trgm_ops);

CREATE TABLE place_search (
    place_id          bigint PRIMARY KEY REFERENCES place (id) ON DELETE CASCADE,
    site_id           bigint    NOT NULL,
    level             text      NOT NULL,
    place_type        text      NOT NULL,
    kind              text      NOT NULL,
    display_name      text      NOT NULL,
    -- all names, then everything written about the place; names alone too, small, to rank without reading doc
    doc               tsvector  NOT NULL,
    names_doc         tsvector  NOT NULL,
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

-- Rebuilds the search rows of the given places. Set-based (aggregates joined by place) so that a bulk load can
-- refresh thousands of places in one call.
CREATE FUNCTION refresh_place_search(ids bigint[]) RETURNS void
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
       to_tsvector('simple', athar_normalize(concat_ws(' ', nm.names, p.description, ev.summaries, cl.quotes))),
       to_tsvector('simple', athar_normalize(coalesce(nm.names, ''))),
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
