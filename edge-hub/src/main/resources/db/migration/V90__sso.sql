-- The hub as an OpenID Provider for the site's applications (issue 17, HospiConnect single sign-on).

-- Applications registered by IT. Secrets are random (256 bits) and kept as their SHA-256 only.
CREATE TABLE sso_clients (
    client_id               TEXT PRIMARY KEY,
    name                    TEXT NOT NULL,
    redirect_uris           TEXT NOT NULL,          -- JSON array, compared exactly
    min_level               TEXT NOT NULL,          -- SsoLevel name
    auth_method             TEXT NOT NULL,          -- client_secret_basic | private_key_jwt
    secret_sha256           TEXT,                   -- client_secret_basic
    jwks                    TEXT,                   -- private_key_jwt: the client's public keys (JWK set JSON)
    backchannel_logout_uri  TEXT,
    frontchannel_logout_uri TEXT,
    post_logout_redirect_uris TEXT NOT NULL DEFAULT '[]',
    kiosk_groups            TEXT NOT NULL DEFAULT '[]',
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL
);

-- The OP's signing keys, sealed (AES-256-GCM under the hubs' data key). The newest unretired key signs;
-- a retired key stays published until publish_until (when the last token it signed has expired).
CREATE TABLE sso_signing_keys (
    kid           TEXT PRIMARY KEY,
    sealed_jwk    BYTEA NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    retired_at    TIMESTAMPTZ,
    publish_until TIMESTAMPTZ
);

-- A clinician's SSO session: one kiosk session, proven by card (+ PIN or tap) or a bound PSC sign-in.
CREATE TABLE sso_sessions (
    sid               TEXT PRIMARY KEY,
    site              TEXT NOT NULL,
    kiosk_id          TEXT NOT NULL,
    kiosk_session_id  TEXT NOT NULL,
    subject           TEXT NOT NULL,                -- idNat_PS
    family_name       TEXT NOT NULL DEFAULT '',
    given_name        TEXT NOT NULL DEFAULT '',
    level             TEXT NOT NULL,                -- SsoLevel name
    certificate_serial TEXT,
    authenticated_at  TIMESTAMPTZ NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    ended_at          TIMESTAMPTZ,
    end_reason        TEXT
);
CREATE INDEX sso_sessions_kiosk ON sso_sessions (site, kiosk_id, kiosk_session_id);
CREATE INDEX sso_sessions_subject ON sso_sessions (subject, level, authenticated_at);

-- One-time secrets by their SHA-256: kiosk tickets, browser cookies, authorization codes.
CREATE TABLE sso_tickets (
    ticket_sha256 TEXT PRIMARY KEY,
    sid           TEXT NOT NULL REFERENCES sso_sessions (sid),
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ
);

CREATE TABLE sso_browser_sessions (
    cookie_sha256 TEXT PRIMARY KEY,
    sid           TEXT NOT NULL REFERENCES sso_sessions (sid),
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE sso_codes (
    code_sha256    TEXT PRIMARY KEY,
    sid            TEXT NOT NULL REFERENCES sso_sessions (sid),
    client_id      TEXT NOT NULL,
    redirect_uri   TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    scope          TEXT NOT NULL,
    nonce          TEXT,
    expires_at     TIMESTAMPTZ NOT NULL,
    used_at        TIMESTAMPTZ
);

-- Tokens issued (by id), so that a replayed code revokes what it gave and userinfo refuses them.
CREATE TABLE sso_tokens (
    jti         TEXT PRIMARY KEY,
    sid         TEXT NOT NULL REFERENCES sso_sessions (sid),
    client_id   TEXT NOT NULL,
    code_sha256 TEXT NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX sso_tokens_code ON sso_tokens (code_sha256);

-- Logout notices owed to the applications of an ended session (back-channel, retried).
CREATE TABLE sso_logouts (
    sid          TEXT NOT NULL REFERENCES sso_sessions (sid),
    client_id    TEXT NOT NULL,
    channel      TEXT NOT NULL,                     -- BACK | FRONT
    state        TEXT NOT NULL,                     -- PENDING | DELIVERED | FAILED
    attempts     INT NOT NULL DEFAULT 0,
    last_error   TEXT,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sid, client_id)
);
