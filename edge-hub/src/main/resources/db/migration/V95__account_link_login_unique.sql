-- One directory account is one person: two professionals linked to the same login would let one sign in to
-- applications as the other. IT's links are refused with ACCOUNT_ALREADY_LINKED; this index is the last word.
CREATE UNIQUE INDEX sso_account_links_login ON sso_account_links (login) WHERE login IS NOT NULL;
