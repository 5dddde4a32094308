-- Vigie edge hub, issue 15: the identity-vigilance cell resolves a probable duplicate (DOUB flag) by merging
-- its two records (IdentityRegistry.merge, audited IDENTITY_MERGED; never automatic). The absorbed record stays,
-- inactive, pointing at the record kept. Versions 70-79 belong to this issue.
ALTER TABLE identity_records
    ADD COLUMN merged_into bigint REFERENCES identity_records (record_id),
    ADD COLUMN merged_by   text,
    ADD COLUMN merged_at   timestamptz,
    ADD CONSTRAINT identity_records_merged CHECK (
        (merged_into IS NULL) = (merged_by IS NULL) AND (merged_into IS NULL) = (merged_at IS NULL)
        AND merged_into IS DISTINCT FROM record_id);
CREATE INDEX identity_records_merged_into ON identity_records (merged_into) WHERE merged_into IS NOT NULL;
