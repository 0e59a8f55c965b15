-- Pages list places a page at a time in an order an index must serve, or a 100,000-place registry is read whole
-- to show fifty: a place's parts by slug, and the sites (the home page) by name.
DROP INDEX place_parent_idx;
CREATE INDEX place_parent_slug_idx ON place (parent_id, slug);
CREATE INDEX place_search_level_name_idx ON place_search (level, display_name);
