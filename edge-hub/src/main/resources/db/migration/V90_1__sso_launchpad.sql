-- The kiosk's launchpad (issue 17): where the kiosk's browser starts each application (its third-party-initiated
-- login URI, OpenID Connect Core §4). An application without one is not listed on any launchpad.
ALTER TABLE sso_clients ADD COLUMN initiate_login_uri TEXT;
