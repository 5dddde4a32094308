-- Vigie edge hub, issue 11: who acts at a kiosk is proven, not claimed. Versions 60 to 69 belong to
-- this feature (other features of the issue use 40 to 59).

-- The kiosks IT declared as admission desks: the hub's word, never the kiosk's. A kiosk without a
-- row is a workstation (clinician sign-in only).
CREATE TABLE device_roles (
    site        text        NOT NULL,
    kiosk_id    text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('ADMISSION_DESK')),
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (site, kiosk_id)
);

-- One-time challenges the hub gave a kiosk for an agent's CPS card to sign, kept by their SHA-256.
-- used_at is set by the first proof that presents the nonce, whatever its outcome, and when the kiosk
-- session it was issued for ends. Rows are purged once expired (a late replay is then unknown).
CREATE TABLE agent_nonces (
    nonce_sha256      bytea       PRIMARY KEY,
    site              text        NOT NULL,
    kiosk_id          text        NOT NULL,
    kiosk_session_id  text        NOT NULL,
    issued_at         timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    used_at           timestamptz
);
CREATE INDEX agent_nonces_kiosk ON agent_nonces (site, kiosk_id, kiosk_session_id);
CREATE INDEX agent_nonces_expiry ON agent_nonces (expires_at);

-- The agent proven at each kiosk now, at most one, until the kiosk session locks or closes (the kiosk
-- tells the hub) or expires_at. The history is in the audit log (AGENT_BOUND, AGENT_UNBOUND).
CREATE TABLE agent_bindings (
    site                text        NOT NULL,
    kiosk_id            text        NOT NULL,
    kiosk_session_id    text        NOT NULL,
    agent               text        NOT NULL,
    method              text        NOT NULL CHECK (method IN ('CARD', 'PSC')),
    certificate_serial  text,
    bound_at            timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    PRIMARY KEY (site, kiosk_id)
);
