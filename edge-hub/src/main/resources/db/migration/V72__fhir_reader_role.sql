-- Vigie edge hub, issue 15: the FHIR_READER staff role, for the API tokens of site applications (DPI, lab…)
-- that read patients from the FHIR API (/fhir) and nothing else.
ALTER TABLE staff_accounts DROP CONSTRAINT staff_accounts_role_check;
ALTER TABLE staff_accounts ADD CONSTRAINT staff_accounts_role_check CHECK (role IN ('ADMIN', 'VIEWER', 'FHIR_READER'));
ALTER TABLE staff_api_tokens DROP CONSTRAINT staff_api_tokens_role_check;
ALTER TABLE staff_api_tokens ADD CONSTRAINT staff_api_tokens_role_check CHECK (role IN ('ADMIN', 'VIEWER', 'FHIR_READER'));
