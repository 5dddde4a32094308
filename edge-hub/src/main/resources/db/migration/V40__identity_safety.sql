-- Vigie edge hub, issue 11 (patient identity safety): single-record vigilance flags (an INSi or ApCV
-- answer that is another person: IDENTITY_MISMATCH), change requests for VALI/QUAL records, who checked
-- which document, and an INS history without repeated rows. Versioned in 40-49 so that it cannot collide
-- with the schema versions other parts of the same issue add in parallel.

-- A flag may name one record only (record_b NULL): an answer that was another person's identity.
ALTER TABLE vigilance_flags ALTER COLUMN record_b DROP NOT NULL;
ALTER TABLE vigilance_flags DROP CONSTRAINT vigilance_flags_ordered;
ALTER TABLE vigilance_flags ADD CONSTRAINT vigilance_flags_ordered CHECK (record_b IS NULL OR record_a < record_b);
-- One open single-record flag per record, kind and reason (NULLs never conflict in the pair index).
CREATE UNIQUE INDEX vigilance_flags_open_single ON vigilance_flags (record_a, kind, reason_code)
    WHERE record_b IS NULL AND NOT resolved;

-- The INS history keeps each fact once: drop rows repeated so far, then refuse repeats.
DELETE FROM identity_ins_history h USING identity_ins_history k
    WHERE h.record_id = k.record_id AND h.matricule = k.matricule AND h.oid = k.oid AND h.source = k.source
      AND h.valid_from IS NOT DISTINCT FROM k.valid_from AND h.valid_to IS NOT DISTINCT FROM k.valid_to
      AND h.history_id > k.history_id;
CREATE UNIQUE INDEX identity_ins_history_once ON identity_ins_history (record_id, matricule, oid, source,
    COALESCE(valid_from, DATE '0001-01-01'), COALESCE(valid_to, DATE '0001-01-01'));

-- Every high-trust document check: which document, who (an agent's idNat_PS proven at a kiosk, or
-- staff:<login> signed in to the REST API), when. Append-only; the record keeps the last document.
CREATE TABLE identity_document_checks (
    check_id     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id    bigint      NOT NULL REFERENCES identity_records (record_id),
    document     text        NOT NULL,
    checked_by   text        NOT NULL,
    checked_at   timestamptz NOT NULL
);
CREATE INDEX identity_document_checks_record ON identity_document_checks (record_id, check_id);

-- A change an INSi or ApCV answer would make to a VALI or QUAL record (same person, other traits or
-- another INS). Nothing changes until an admin accepts it (or refuses it); both are audited.
-- proposed_matricule is stored in full (needed to apply it) and, like identity_records.matricule, never
-- logged. base_updated_at is the record's updated_at when the request was made: accepting a request
-- whose record changed since is refused.
CREATE TABLE identity_change_requests (
    request_id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id           bigint      NOT NULL REFERENCES identity_records (record_id),
    source              text        NOT NULL CHECK (source IN ('INSI', 'APCV')),
    nom_naissance       text        NOT NULL,
    liste_prenom        text        NOT NULL,
    sexe                char(1)     NOT NULL CHECK (sexe IN ('F', 'M')),
    date_naissance      char(10)    NOT NULL,
    lieu_naissance      char(5),
    proposed_matricule  char(15)    NOT NULL,
    proposed_oid        text        NOT NULL,
    history             jsonb       NOT NULL DEFAULT '[]',
    base_updated_at     timestamptz NOT NULL,
    status              text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACCEPTED', 'REFUSED')),
    requested_by        text        NOT NULL,
    requested_at        timestamptz NOT NULL,
    resolved_by         text,
    resolved_at         timestamptz,
    resolution_note     text
);
CREATE INDEX identity_change_requests_open ON identity_change_requests (record_id) WHERE status = 'OPEN';
CREATE INDEX identity_change_requests_requested ON identity_change_requests (requested_at);
