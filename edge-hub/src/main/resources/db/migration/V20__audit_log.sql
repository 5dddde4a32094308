-- Vigie edge hub: the audit log of admin actions and security events, hash-chained (see
-- fr.vigie.hub.audit.AuditChain for the canonical form each hash covers).

-- One entry per action, at position seq (1, 2, 3, ... with no gap). hash = SHA-256 of the entry's
-- canonical form, which includes seq and prev_hash (the hash of the entry before, 64 zeros for the
-- first), so that a changed, removed or moved entry breaks the chain from that position on.
CREATE TABLE audit_log (
    seq          bigint      PRIMARY KEY CHECK (seq > 0),
    recorded_at  timestamptz NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    subject      text        NOT NULL,
    details      jsonb       NOT NULL,
    prev_hash    char(64)    NOT NULL,
    hash         char(64)    NOT NULL UNIQUE
);

CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_subject ON audit_log (subject, seq);
CREATE INDEX audit_log_recorded_at ON audit_log (recorded_at);

-- The end of the chain, one row. Appends lock it (SELECT ... FOR UPDATE), so concurrent appends from
-- any number of threads or hub instances are serialised; verify() compares it with the last entry,
-- so that entries cut off the end are noticed too.
CREATE TABLE audit_chain_head (
    id        boolean  PRIMARY KEY DEFAULT true CHECK (id),
    seq       bigint   NOT NULL,
    hash      char(64) NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (true, 0, repeat('0', 64));

-- Append-only for the application: UPDATE, DELETE and TRUNCATE are refused. A database superuser can
-- still disable the trigger; the hash chain is what shows it then.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
