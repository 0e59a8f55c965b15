-- The claims about an actor are listed newest first, a page at a time, on registries where one actor has hundreds
-- of thousands of claims: each way a claim names an actor (by a curator's link, or by words spelling one of its
-- names) is an index in claim-number order, so a page reads only its rows (org.athar.registry.Registry#actor).
DROP INDEX claim_actor_idx;
CREATE INDEX claim_actor_idx ON claim (actor_id, id) WHERE actor_id IS NOT NULL;
DROP INDEX claim_actor_words_idx;
CREATE INDEX claim_actor_words_idx ON claim (athar_normalize(actor), id) WHERE actor IS NOT NULL AND actor_id IS NULL;
