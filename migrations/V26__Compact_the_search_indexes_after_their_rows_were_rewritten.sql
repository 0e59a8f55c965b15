-- V25 wrote every search row again (to give it its place's address), and a rewritten row leaves its old entries in
-- the full-text index's posting lists until vacuum, which frees them but does not pack the lists again: on the
-- 100,000-place registry, a search for a broad word and a rare one ("tomb sibo") then read the broad word's scattered
-- list for 0.85 ms instead of 0.11. Rebuilding the table's indexes packs them; on a new registry it costs nothing.
REINDEX TABLE place_search;
