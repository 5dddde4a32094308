-- Local accounts (issue 17): IT's links between a professional's national identity and an account of the
-- establishment's directory, for professionals the directory does not know by that identity. A row without
-- login is a professional seen at a kiosk whose sign-in found no local account (the console's "to link" list).
CREATE TABLE sso_account_links (
    id_nat_ps   TEXT PRIMARY KEY,           -- as on the card or from PSC, type prefix included
    family_name TEXT NOT NULL,              -- as seen on the card / PSC, to help IT recognise the person
    given_name  TEXT NOT NULL,
    login       TEXT,                       -- the directory account's login; NULL: not linked
    first_seen  TIMESTAMPTZ,                -- first refused sign-in without a local account
    last_seen   TIMESTAMPTZ,
    linked_at   TIMESTAMPTZ,
    linked_by   TEXT
);
CREATE INDEX sso_account_links_unlinked ON sso_account_links (last_seen) WHERE login IS NULL;
