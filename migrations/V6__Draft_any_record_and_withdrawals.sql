-- Curators propose changes to every kind of record (places, events, claims, status entries besides sources and
-- damage reports), and may propose withdrawing a record or restoring an earlier version of it (which brings back
-- a withdrawn one). All of these are reviewed like any other draft.
ALTER TABLE draft DROP CONSTRAINT draft_record_type_check;
ALTER TABLE draft ADD CONSTRAINT draft_record_type_check
    CHECK (record_type IN ('SOURCE', 'DAMAGE_REPORT', 'STATUS', 'PLACE', 'EVENT', 'CLAIM'));

-- EDIT: payload is the proposed record; WITHDRAW: delete the record; RESTORE: payload {"changeSet": n} puts the
-- record and what belongs to it back as they were before that change set.
-- base_version is the record's version when the draft began, or -1 when it did not exist then (restoring a
-- withdrawn record); publishing refuses when it differs from the record's version at that moment.
ALTER TABLE draft ADD COLUMN action text NOT NULL DEFAULT 'EDIT' CHECK (action IN ('EDIT', 'WITHDRAW', 'RESTORE'));
ALTER TABLE draft ADD CONSTRAINT draft_action_needs_record CHECK (action = 'EDIT' OR record_id IS NOT NULL);
ALTER TABLE draft ADD CONSTRAINT draft_base_version_check CHECK (base_version >= -1);
ALTER TABLE draft ADD CONSTRAINT draft_report_is_new CHECK (record_type <> 'DAMAGE_REPORT' OR record_id IS NULL);

-- withdrawn records stay findable: the registry lists them from their last row image
CREATE INDEX history_deleted_idx ON history (table_name, id) WHERE operation = 'DELETE';
