-- Sessions end after a time without use as well as after their lifetime; an administrator can disable an account
-- (its sessions end, it cannot sign in); and what administrators do to accounts is in the history, like every other
-- change, but without password hashes: a password change is recorded as {"password": "changed"}.
ALTER TABLE account ADD COLUMN disabled_at timestamptz;
ALTER TABLE account_session ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();

CREATE FUNCTION record_account_history() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - 'password_hash' END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - 'password_hash' END;
    change  bigint;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.password_hash IS DISTINCT FROM NEW.password_hash THEN
        old_row := old_row || '{"password": "unchanged"}';
        new_row := new_row || '{"password": "changed"}';
    END IF;
    IF current_setting('athar.bulk_load', true) = 'on' OR old_row = new_row THEN
        RETURN NULL;
    END IF;
    INSERT INTO change_set (txid, actor, comment)
    VALUES (txid_current(), coalesce(nullif(current_setting('athar.actor', true), ''), session_user),
            nullif(current_setting('athar.comment', true), ''))
    ON CONFLICT (txid) DO NOTHING;
    SELECT id INTO change FROM change_set WHERE txid = txid_current();
    INSERT INTO history (change_set_id, table_name, owner_table, owner_id, operation, before, after)
    VALUES (change, 'account', 'account', coalesce(NEW.id, OLD.id), TG_OP, old_row, new_row);
    RETURN NULL;
END
$$;

CREATE TRIGGER record_history AFTER INSERT OR UPDATE OR DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION record_account_history();
