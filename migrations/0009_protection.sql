-- Data protection: an append-only audit trail, erasure of a person's data,
-- and sign-in throttling shared by every kith process.

-- The audit trail is evidence of who saw whose data; nobody, the application
-- included, may rewrite or remove it. The trigger holds for every role but a
-- superuser who disables it on purpose; the REVOKE also makes a non-owner
-- application role fail before the trigger is reached.
CREATE FUNCTION person_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'person_audit is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER person_audit_no_change BEFORE UPDATE OR DELETE ON person_audit
    FOR EACH ROW EXECUTE FUNCTION person_audit_append_only();
CREATE TRIGGER person_audit_no_truncate BEFORE TRUNCATE ON person_audit
    FOR EACH STATEMENT EXECUTE FUNCTION person_audit_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON person_audit FROM PUBLIC, CURRENT_USER;

-- Erasure is recorded in the trail like any other change.
ALTER TABLE person_audit DROP CONSTRAINT person_audit_action_check,
    ADD CONSTRAINT person_audit_action_check CHECK (action IN ('read', 'create', 'change', 'erase'));

-- An erased person keeps the row their referral hangs off, with the
-- identifying fields blanked (docs/RELIABILITY.md, "Data protection").
ALTER TABLE people
    ADD COLUMN erased_at timestamptz,
    ADD COLUMN erasure_reason text NOT NULL DEFAULT ''
        CHECK (erasure_reason IN ('', 'subject_request', 'retention_expired', 'recorded_in_error'));

-- Failed sign-ins per account and per client address in the current window.
-- key_hash is a SHA-256 of the email or address, so the table names nobody.
CREATE TABLE login_throttle (
    key_hash     bytea PRIMARY KEY,
    window_start timestamptz NOT NULL,
    failures     integer NOT NULL CHECK (failures > 0)
);
CREATE INDEX login_throttle_window_idx ON login_throttle (window_start);
