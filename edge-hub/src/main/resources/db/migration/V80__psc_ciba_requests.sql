-- Vigie edge hub, issue 13 (house redesign): the kiosks' CIBA sign-ins through Pro Santé Connect, in
-- place of one hub's memory, so that any hub sharing the database answers a kiosk about a request another
-- hub started, and takes over polling PSC when that hub stops. Versions 80 to 84 belong to the hub lane.
--
-- PSC's auth_req_id and the tokens are never stored in clear: they are sealed (AES-256-GCM) under the
-- data key every hub of the site derives from the shared passphrase, with the row and column as
-- associated data (fr.vigie.hub.db.DataSeal). Professionals are named by idNat_PS; no patient data.
CREATE TABLE psc_ciba_requests (
    request_id        text        PRIMARY KEY,      -- the hub's handle the kiosk polls with (128 random bits, hex)
    site              text        NOT NULL,
    kiosk_id          text        NOT NULL,
    kiosk_session_id  text        NOT NULL,
    expected          text        NOT NULL,         -- the idNat_PS the kiosk named
    channel           text        NOT NULL CHECK (channel IN ('CARD', 'MOBILE')),
    binding_message   text        NOT NULL,
    poll_interval_ms  bigint      NOT NULL CHECK (poll_interval_ms >= 0),
    expires_at        timestamptz NOT NULL,         -- when PSC lets the request expire unless approved
    auth_req_sealed   bytea       NOT NULL,         -- PSC's auth_req_id, sealed
    state             text        NOT NULL CHECK (state IN ('PENDING', 'BOUND', 'REFUSED', 'FAILED')),
    code              text,                         -- the PscError of a REFUSED or FAILED request
    message           text,
    professional      jsonb,                        -- BOUND: {idNatPs, givenName, familyName} as userinfo names them
    exercices         jsonb,                        -- BOUND: every exercice of SubjectRefPro, in PSC's order
    chosen            integer,                      -- BOUND: the exercice the clinician works under, when chosen
    tokens_sealed     bytea,                        -- BOUND: the tokens, sealed
    bound_until       timestamptz,                  -- BOUND: when the access token expires
    forget_at         timestamptz NOT NULL,         -- the row is deleted after this
    poller            text,                         -- the instance id of the hub polling PSC for it
    poll_lease_until  timestamptz,                  -- another hub takes polling over after this (NULL: free)
    created_at        timestamptz NOT NULL,
    CHECK (state <> 'BOUND' OR (professional IS NOT NULL AND exercices IS NOT NULL AND tokens_sealed IS NOT NULL
                                AND bound_until IS NOT NULL)),
    CHECK (state NOT IN ('REFUSED', 'FAILED') OR code IS NOT NULL)
);
CREATE INDEX psc_ciba_requests_kiosk ON psc_ciba_requests (site, kiosk_id, state);
CREATE INDEX psc_ciba_requests_pending ON psc_ciba_requests (poll_lease_until) WHERE state = 'PENDING';
CREATE INDEX psc_ciba_requests_forget ON psc_ciba_requests (forget_at);
