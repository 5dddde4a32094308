-- Vigie edge hub, issue 11: every INSi call the hub made (and every search refused before any call),
-- in place of the in-memory record. Read by IT through GET /api/v1/insi/calls (admin).
--
-- No full matricule is ever stored here: the Vitale matricules sent are kept masked inside "query",
-- and the INS returned is kept masked (first digit, twelve stars, key), which the CHECK enforces.
CREATE TABLE insi_calls (
    call_id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at     timestamptz NOT NULL,
    duration_ms    bigint      NOT NULL CHECK (duration_ms >= 0),
    kiosk          text,                     -- {site}/{kioskId}, NULL when not from a kiosk
    agent          text        NOT NULL,     -- idNat_PS of the agent, or a local operator id
    record_id      bigint,                   -- the identity record selected, NULL when none
    operation      text        NOT NULL CHECK (operation IN ('RECHERCHER_AVEC_CARTE_VITALE', 'RECHERCHER_AVEC_TRAITS')),
    query_kind     text        CHECK (query_kind IN ('PREMIER_PRENOM', 'FULL_LIST', 'VITALE')),
    query          jsonb       NOT NULL,     -- the values sent by INSi field name, matricules masked
    message_id     text,                     -- wsa:MessageID, NULL when nothing was sent
    attempts       integer     NOT NULL CHECK (attempts >= 0),
    outcome        text        NOT NULL,     -- 00, 01, 02 or the InsiError code
    fault_subcode  text,
    fault_detail   text,
    warning        text,                     -- INSI_KEY_NOT_VERIFIED
    ins_masked     text        CHECK (ins_masked ~ '^[0-9][*]{12}[0-9]{2}$')
);
CREATE INDEX insi_calls_started ON insi_calls (started_at);
CREATE INDEX insi_calls_record ON insi_calls (record_id) WHERE record_id IS NOT NULL;
CREATE INDEX insi_calls_warning ON insi_calls (warning) WHERE warning IS NOT NULL;
