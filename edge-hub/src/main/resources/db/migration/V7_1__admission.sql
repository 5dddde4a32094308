-- Vigie edge hub, admission (issue 7). Versioned 7.1 so that it cannot collide with the schema
-- versions other features add in parallel.

-- ApCV tokens already used, by their jti: a token is accepted once. Rows may be purged once expired
-- (a replayed expired token is refused as expired anyway).
CREATE TABLE apcv_tokens_used (
    jti         text        PRIMARY KEY,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NOT NULL,
    used_by     text        NOT NULL,
    record_id   bigint
);
CREATE INDEX apcv_tokens_used_expiry ON apcv_tokens_used (expires_at);

-- E-prescriptions scanned at admission arrive as prescription.scanned events; the identity's visit
-- lists them by record id.
CREATE INDEX events_prescription_record ON events (((payload->>'recordId')::bigint), ingest_order)
    WHERE type = 'prescription.scanned';
