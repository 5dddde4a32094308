-- Vigie edge hub, schema version 2: the identity registry (patients' local records, INS, RNIV
-- status) and the identity-vigilance flags raised on duplicates and collisions.

-- One local identity record. Strict traits are stored normalised (StrictTraits); match_* columns hold
-- the comparison keys of the duplicate rule (hyphen and apostrophe as space), see TraitsMatch.
-- The matricule is stored in full (INSi and the INS DataMatrix need it) and must never be logged.
CREATE TABLE identity_records (
    record_id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nom_naissance      text        NOT NULL,
    liste_prenom       text        NOT NULL,
    sexe               char(1)     NOT NULL CHECK (sexe IN ('F', 'M')),
    date_naissance     char(10)    NOT NULL,
    lieu_naissance     char(5),
    nom_utilise        text,
    prenom_utilise     text,
    match_nom_naissance text       NOT NULL,
    match_nom_utilise  text,
    matricule          char(15),
    oid                text,
    status             text        NOT NULL CHECK (status IN ('PROV', 'RECUP', 'VALI', 'QUAL')),
    attributes         text[]      NOT NULL DEFAULT '{}',
    document           text,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_by         text        NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT identity_records_ins CHECK ((matricule IS NULL) = (oid IS NULL)),
    CONSTRAINT identity_records_doubtful_prov CHECK (
        status = 'PROV' OR NOT (attributes && ARRAY['DOUT', 'FICT']::text[]))
);

-- Candidate lookups of the duplicate rule: same birth date and sex, then a name key.
CREATE INDEX identity_records_birth_name ON identity_records (date_naissance, sexe, match_nom_naissance);
CREATE INDEX identity_records_used_name ON identity_records (date_naissance, sexe, match_nom_utilise);
-- Not unique on purpose: two records with one INS is a finding to flag, not an insert to refuse.
CREATE INDEX identity_records_matricule ON identity_records (matricule) WHERE matricule IS NOT NULL;

-- Every INS a record has held or was told about (INSi INSACTIF and INSHISTO), newest last.
CREATE TABLE identity_ins_history (
    history_id   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id    bigint      NOT NULL REFERENCES identity_records (record_id),
    matricule    char(15)    NOT NULL,
    oid          text        NOT NULL,
    valid_from   date,
    valid_to     date,
    source       text        NOT NULL,
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX identity_ins_history_record ON identity_ins_history (record_id);

-- A pair of records the identity-vigilance cell must look at. record_a < record_b; one open flag
-- per pair and kind. DOUB: probable duplicate (one person, two records). COLP: possible collision
-- (one INS on two records whose traits differ: maybe two people). COLV is kept for a collision the
-- cell has verified.
CREATE TABLE vigilance_flags (
    flag_id      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_a     bigint      NOT NULL REFERENCES identity_records (record_id),
    record_b     bigint      NOT NULL REFERENCES identity_records (record_id),
    kind         text        NOT NULL CHECK (kind IN ('DOUB', 'COLP', 'COLV')),
    reason_code  text        NOT NULL,
    reason       text        NOT NULL,
    detected_at  timestamptz NOT NULL,
    resolved     boolean     NOT NULL DEFAULT false,
    resolved_by  text,
    resolved_at  timestamptz,
    CONSTRAINT vigilance_flags_ordered CHECK (record_a < record_b)
);
CREATE UNIQUE INDEX vigilance_flags_open_pair ON vigilance_flags (record_a, record_b, kind) WHERE NOT resolved;
CREATE INDEX vigilance_flags_detected ON vigilance_flags (detected_at);
