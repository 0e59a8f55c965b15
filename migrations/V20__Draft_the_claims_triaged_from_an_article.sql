-- A TRIAGE draft proposes an article as a new source (with its full text) and the claims a curator accepted from
-- its triage (/curate/triage), reviewed and published together.
ALTER TABLE draft DROP CONSTRAINT draft_record_type_check;
ALTER TABLE draft ADD CONSTRAINT draft_record_type_check
    CHECK (record_type IN ('SOURCE', 'DAMAGE_REPORT', 'STATUS', 'PLACE', 'EVENT', 'CLAIM', 'IMPORT', 'TRIAGE'));
ALTER TABLE draft DROP CONSTRAINT draft_report_is_new;
ALTER TABLE draft ADD CONSTRAINT draft_report_is_new CHECK (record_type NOT IN ('DAMAGE_REPORT', 'TRIAGE') OR record_id IS NULL);
