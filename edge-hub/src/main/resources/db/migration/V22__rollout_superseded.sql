-- Vigie edge hub: a rollout target still waiting when a newer version is issued to the same kiosk
-- becomes SUPERSEDED (the broker keeps only the newest retained bundle, so no reply will come).
ALTER TABLE config_rollout_targets DROP CONSTRAINT config_rollout_targets_state_check;
ALTER TABLE config_rollout_targets ADD CONSTRAINT config_rollout_targets_state_check
    CHECK (state IN ('PENDING', 'UNSENT', 'APPLIED', 'REJECTED', 'FAILED', 'SUPERSEDED'));
