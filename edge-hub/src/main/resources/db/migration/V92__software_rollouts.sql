-- Issue 14: staged software rollouts of a package version from the hub's repository to a group of kiosks.
-- A rollout goes FIRST_STAGE -> REST -> DONE; IT may pause (PAUSED, resumed_state says where it goes back) or
-- abort it (ABORTED); a failure in the first stage halts it (HALTED) and the rest is never sent.
CREATE TABLE software_rollouts (
    rollout_id      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    package_name    text        NOT NULL,
    version         text        NOT NULL,
    device_group    text        NOT NULL,
    first_stage     integer     NOT NULL CHECK (first_stage > 0),
    allow_downgrade boolean     NOT NULL DEFAULT false,
    state           text        NOT NULL CHECK (state IN ('FIRST_STAGE', 'REST', 'DONE', 'PAUSED', 'ABORTED', 'HALTED')),
    resume_state    text        CHECK (resume_state IN ('FIRST_STAGE', 'REST')),
    reason          text,
    actor           text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- One row per kiosk of the group when the rollout started. PENDING (not sent yet) -> SENT (signed command
-- published) -> UPDATING -> UPDATED | ROLLED_BACK | FAILED | REFUSED, as the kiosk reports through its outbox
-- (software.update events); CANCELLED when the rollout was aborted or halted before the kiosk was sent anything.
CREATE TABLE software_rollout_targets (
    rollout_id      bigint      NOT NULL REFERENCES software_rollouts (rollout_id) ON DELETE CASCADE,
    site            text        NOT NULL,
    kiosk_id        text        NOT NULL,
    stage           smallint    NOT NULL CHECK (stage IN (1, 2)),
    state           text        NOT NULL CHECK (state IN ('PENDING', 'SENT', 'UPDATING', 'UPDATED', 'ROLLED_BACK',
                                                          'FAILED', 'REFUSED', 'CANCELLED')),
    command_id      text,
    code            text,
    message         text,
    from_version    text,
    sent_at         timestamptz,
    reported_at     timestamptz,
    last_event      bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (rollout_id, site, kiosk_id)
);
CREATE INDEX software_rollout_targets_open ON software_rollout_targets (state) WHERE state IN ('SENT', 'UPDATING');
