-- History pages find a record's rows by what the rows say, not only by their owner: a status entry by its id, an
-- event's claims by their event, a claim's links to status entries by the claim, a place's event links by the
-- place. Without these, each history page read the whole history table, which grows with every change ever made.
-- The expressions are written exactly as History.Kind writes them, so that the planner matches them.
CREATE INDEX history_row_idx ON history (table_name, (coalesce(after, before) ->> 'id'), id);
CREATE INDEX history_claim_event_idx ON history ((coalesce(after, before) ->> 'event_id'))
    WHERE table_name = 'claim';
CREATE INDEX history_claim_link_idx ON history ((coalesce(after, before) ->> 'claim_id'))
    WHERE table_name = 'status_assessment_claim';
CREATE INDEX history_event_place_idx ON history ((coalesce(after, before) ->> 'place_id'))
    WHERE table_name = 'damage_event_place';
