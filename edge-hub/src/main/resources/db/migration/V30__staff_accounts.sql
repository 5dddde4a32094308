-- Vigie edge hub: IT staff who sign in to the console and the REST API.

-- One row per person. password_hash is an Argon2id PHC string; the password itself is never stored.
CREATE TABLE staff_accounts (
    login          text        PRIMARY KEY CHECK (login ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    role           text        NOT NULL CHECK (role IN ('ADMIN', 'VIEWER')),
    password_hash  text        NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL
);

-- Consecutive failed sign-ins per login (known or not), and until when further attempts are refused.
CREATE TABLE staff_signin_throttle (
    login          text        PRIMARY KEY,
    failures       integer     NOT NULL,
    locked_until   timestamptz
);

-- Browser sessions. Only the SHA-256 of the session cookie is stored; csrf_token is the synchronizer
-- token the console sends back in X-CSRF-Token on every mutating request.
CREATE TABLE staff_sessions (
    id_hash        bytea       PRIMARY KEY,
    login          text        NOT NULL REFERENCES staff_accounts (login) ON DELETE CASCADE,
    csrf_token     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    last_seen_at   timestamptz NOT NULL
);
CREATE INDEX staff_sessions_login ON staff_sessions (login);

-- API bearer tokens for the admin CLI. Only the SHA-256 of the token is stored; role is at most the
-- role of the login it was issued to.
CREATE TABLE staff_api_tokens (
    token_id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash     bytea       NOT NULL UNIQUE,
    login          text        NOT NULL REFERENCES staff_accounts (login) ON DELETE CASCADE,
    role           text        NOT NULL CHECK (role IN ('ADMIN', 'VIEWER')),
    label          text        NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    revoked_at     timestamptz
);
