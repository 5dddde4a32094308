-- Vigie edge hub: fleet management. Heartbeat facts, device groups, signed configuration rollouts
-- and remote commands.

-- What the heartbeat says beyond presence, and the group a kiosk's configuration comes from.
ALTER TABLE devices
    ADD COLUMN config_version         bigint,
    ADD COLUMN certificate_not_after  timestamptz,
    ADD COLUMN readers                text[],
    ADD COLUMN device_group           text NOT NULL DEFAULT 'default';
CREATE INDEX devices_group ON devices (device_group);

-- One version counter for the whole site: a kiosk that changes group still only sees versions go up.
CREATE SEQUENCE config_version_seq;

-- One rollout per version: the settings signed for every kiosk of the group at that time.
-- reissue_of names the rollout whose content was issued again (a rollback from the console).
CREATE TABLE config_rollouts (
    version       bigint      PRIMARY KEY,
    device_group  text        NOT NULL,
    settings      jsonb       NOT NULL,
    reissue_of    bigint      REFERENCES config_rollouts (version),
    actor         text        NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX config_rollouts_group ON config_rollouts (device_group, version);

-- Progress per kiosk: PENDING once published (retained), then what the kiosk replied; UNSENT when
-- the broker could not take it.
CREATE TABLE config_rollout_targets (
    version       bigint      NOT NULL REFERENCES config_rollouts (version),
    site          text        NOT NULL,
    kiosk_id      text        NOT NULL,
    state         text        NOT NULL CHECK (state IN ('PENDING', 'UNSENT', 'APPLIED', 'REJECTED', 'FAILED')),
    code          text,
    message       text,
    published_at  timestamptz NOT NULL,
    replied_at    timestamptz,
    PRIMARY KEY (version, site, kiosk_id)
);
CREATE INDEX config_rollout_targets_kiosk ON config_rollout_targets (site, kiosk_id, version);

-- Remote commands and their replies.
CREATE TABLE device_commands (
    command_id  text        PRIMARY KEY,
    site        text        NOT NULL,
    kiosk_id    text        NOT NULL,
    name        text        NOT NULL,
    args        jsonb       NOT NULL,
    actor       text        NOT NULL,
    issued_at   timestamptz NOT NULL,
    state       text        NOT NULL CHECK (state IN ('SENT', 'UNSENT', 'DONE', 'REJECTED', 'FAILED')),
    code        text,
    message     text,
    details     jsonb,
    replied_at  timestamptz
);
CREATE INDEX device_commands_kiosk ON device_commands (site, kiosk_id, issued_at);
