-- Publishing takes two people: the reviewer is never the author. An installation with a single curator may let its
-- administrators publish their own drafts (athar.review.admins-review-own-drafts); each such draft says so, so that
-- the exception stays visible, and only such a draft may have its author as its reviewer.
ALTER TABLE draft ADD COLUMN self_reviewed boolean NOT NULL DEFAULT false;
DO $$
DECLARE
    two_people text;
BEGIN
    SELECT conname INTO STRICT two_people FROM pg_constraint
    WHERE conrelid = 'draft'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%reviewer_id <> author_id%';
    EXECUTE format('ALTER TABLE draft DROP CONSTRAINT %I', two_people);
END
$$;
ALTER TABLE draft ADD CONSTRAINT draft_reviewed_by_another
    CHECK (reviewer_id IS NULL OR reviewer_id <> author_id OR self_reviewed);
