-- Vigie edge hub, issue 15: the identity feed to the hospital's patient administration system (GAM), HL7 v2.5
-- IHE PAM France over MLLP. Each message is written in the transaction of the registry change it reports (the
-- outbox pattern: fr.vigie.hub.gam.GamOutbox), then sent in order by one hub at a time (fr.vigie.hub.gam.GamFeed).
-- message holds the HL7 text as sent; for a qualified identity it carries the full INS matricule, like
-- identity_records.matricule, and is never logged.
CREATE TABLE gam_outbox (
    message_id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    control_id       text        NOT NULL UNIQUE,
    event            text        NOT NULL CHECK (event IN ('A28', 'A31', 'A40', 'A47')),
    record_id        bigint      NOT NULL REFERENCES identity_records (record_id),
    other_record_id  bigint      REFERENCES identity_records (record_id),
    message          text        NOT NULL,
    state            text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DONE', 'FAILED')),
    created_at       timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    last_attempt_at  timestamptz,
    last_error       text,
    ack_code         text,
    ack_text         text,
    acked_at         timestamptz,
    resent_by        text,
    resent_at        timestamptz,
    CONSTRAINT gam_outbox_merge CHECK ((event = 'A40') = (other_record_id IS NOT NULL))
);
-- The head of the queue, and the older messages of a patient that a message must wait for.
CREATE INDEX gam_outbox_waiting ON gam_outbox (message_id) WHERE state <> 'DONE';
CREATE INDEX gam_outbox_record ON gam_outbox (record_id, message_id) WHERE state <> 'DONE';
CREATE INDEX gam_outbox_other_record ON gam_outbox (other_record_id, message_id)
    WHERE state <> 'DONE' AND other_record_id IS NOT NULL;
CREATE INDEX gam_outbox_acked ON gam_outbox (acked_at);
