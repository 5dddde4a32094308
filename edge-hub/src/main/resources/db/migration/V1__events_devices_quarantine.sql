-- Vigie edge hub, schema version 1: the event log, the device registry and the quarantine.

-- Every event a kiosk reported, stored once by its id. ingest_order is the hub's arrival order and
-- the paging cursor of GET /api/v1/events.
CREATE TABLE events (
    event_id        uuid        PRIMARY KEY,
    ingest_order    bigint      GENERATED ALWAYS AS IDENTITY,
    site            text        NOT NULL,
    kiosk_id        text        NOT NULL,
    seq             bigint      NOT NULL CHECK (seq > 0),
    type            text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    schema_version  integer     NOT NULL,
    payload         jsonb       NOT NULL,
    stored_at       timestamptz NOT NULL,
    CONSTRAINT events_ingest_order_key UNIQUE (ingest_order)
);

-- The REST filters page by ingest_order within a kiosk, a site or a type; time ranges use occurred_at.
CREATE INDEX events_site_kiosk_order ON events (site, kiosk_id, ingest_order);
CREATE INDEX events_kiosk_order ON events (kiosk_id, ingest_order);
CREATE INDEX events_type_order ON events (type, ingest_order);
CREATE INDEX events_occurred_at ON events (occurred_at);

-- One row per kiosk, from its retained status (heartbeat or last will) and from its events.
CREATE TABLE devices (
    site               text        NOT NULL,
    kiosk_id           text        NOT NULL,
    state              text        NOT NULL CHECK (state IN ('ONLINE', 'OFFLINE', 'UNKNOWN')),
    status_sent_at     timestamptz,
    software_version   text,
    started_at         timestamptz,
    outbox_depth       bigint,
    heartbeat_seconds  integer,
    last_heartbeat_at  timestamptz,
    last_event_at      timestamptz,
    last_event_type    text,
    event_count        bigint      NOT NULL DEFAULT 0,
    first_seen_at      timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (site, kiosk_id)
);

-- Messages that broke the contract: kept (with their first bytes) so that nothing is silently lost.
CREATE TABLE rejected_messages (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at  timestamptz NOT NULL,
    topic        text        NOT NULL,
    error_code   text        NOT NULL,
    reason       text        NOT NULL,
    size_bytes   integer     NOT NULL,
    first_bytes  bytea       NOT NULL
);

CREATE INDEX rejected_messages_code ON rejected_messages (error_code, id);
