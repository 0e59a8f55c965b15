-- Curators choose a source by typing words of its title (curation/Pick): a trigram index serves "title ILIKE '%words%'"
-- among hundreds of thousands of sources.
CREATE INDEX source_title_trgm_idx ON source USING gin (title gin_trgm_ops);
