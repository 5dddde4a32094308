-- Vigie edge hub: sign-in throttling per source address, and the addresses each login signs in from.

-- Consecutive failed sign-ins per source address (an IPv4 address or an IPv6 /64), whatever the
-- logins tried, and until when further attempts from it are refused. The count starts again after a
-- day without failure.
CREATE TABLE staff_signin_source_throttle (
    source          text        PRIMARY KEY,
    failures        integer     NOT NULL,
    locked_until    timestamptz,
    last_failure_at timestamptz NOT NULL
);

-- Where each login signed in successfully, and when last: a login locked out by failures elsewhere
-- still signs in from such an address (which keeps its own per-address limit).
CREATE TABLE staff_signin_known_sources (
    login           text        NOT NULL REFERENCES staff_accounts (login) ON DELETE CASCADE,
    source          text        NOT NULL,
    last_success_at timestamptz NOT NULL,
    PRIMARY KEY (login, source)
);
