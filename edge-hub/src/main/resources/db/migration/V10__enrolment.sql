-- Vigie edge hub: kiosk enrolment, bootstrap tokens and the device certificates the site CA issued.

-- One enrolment request of a kiosk, from submission to decision. id is random (the kiosk polls with
-- it over the unauthenticated enrolment path). status: PENDING, then ISSUED (approved by IT or by a
-- bootstrap token; the certificate chain and first configuration are kept for the kiosk to fetch) or
-- REJECTED (with a reason).
CREATE TABLE enrolment (
    id                    uuid        PRIMARY KEY,
    site                  text        NOT NULL,
    kiosk_id              text        NOT NULL,
    enrolment_code        text        NOT NULL,
    csr_pem               text        NOT NULL,
    status                text        NOT NULL CHECK (status IN ('PENDING', 'ISSUED', 'REJECTED')),
    requested_at          timestamptz NOT NULL,
    decided_by            text,
    decided_at            timestamptz,
    reason                text,
    certificate_serial    text,
    certificate_chain_pem text,
    first_config          text
);

-- A kiosk has at most one request waiting for IT.
CREATE UNIQUE INDEX enrolment_one_pending ON enrolment (site, kiosk_id) WHERE status = 'PENDING';
CREATE INDEX enrolment_status ON enrolment (status, requested_at);

-- Bootstrap tokens: only the SHA-256 of the secret is kept.
CREATE TABLE bootstrap_token (
    id          text        PRIMARY KEY,
    site        text        NOT NULL,
    kiosk_id    text        NOT NULL,
    secret_hash bytea       NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);

-- Every device certificate issued, by serial (hex), and its revocation. The CRL is the signed
-- record of revocations; this table is what lets IT revoke a kiosk by name.
CREATE TABLE device_certificate (
    serial      text        PRIMARY KEY,
    site        text        NOT NULL,
    kiosk_id    text        NOT NULL,
    not_before  timestamptz NOT NULL,
    not_after   timestamptz NOT NULL,
    issued_at   timestamptz NOT NULL,
    issued_for  text        NOT NULL CHECK (issued_for IN ('ENROLMENT', 'RENEWAL')),
    revoked_at  timestamptz,
    revocation_reason text
);

CREATE INDEX device_certificate_kiosk ON device_certificate (site, kiosk_id);
