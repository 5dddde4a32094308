-- The exercices (profession, site) an SSO session's ID tokens carry, in the shape of Pro Santé Connect's
-- SubjectRefPro.exercices: the one the kiosk read from the card, or the PSC sign-in's. NULL: none known.
ALTER TABLE sso_sessions ADD COLUMN exercices JSONB;
