-- A claim's actor is found from its words when the claim is read, not written into every claim: on a registry of
-- hundreds of thousands of claims, a new spelling of an actor ("Daesh") rewrote every claim that spells it, with its
-- history and search rows, in one transaction. Now actor_id holds only the actor a curator names for words that spell
-- none of its names ("the ultra-hardline Islamist group"); otherwise the actor is the one whose name the words spell
-- (org.athar.damage.Claim#actorRecord), found through actor_name's unique key and claim_actor_words_idx.
DROP TRIGGER actor_name_claims_words ON actor_name;
DROP FUNCTION actor_name_claims_words();
DROP TRIGGER claim_actor_from_words ON claim;
DROP FUNCTION claim_actor_from_words();

UPDATE claim c SET actor_id = NULL
FROM actor_name n
WHERE c.actor_id = n.actor_id AND n.key = athar_normalize(c.actor);
