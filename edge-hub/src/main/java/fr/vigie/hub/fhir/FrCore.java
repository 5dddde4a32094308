package fr.vigie.hub.fhir;

import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.RnivStatus;
import java.util.Optional;

/**
 * The names FR Core (Interop'Santé's French FHIR R4 profiles) gives to what the hub publishes: profiles, extensions,
 * code systems and identifier systems, as read in the FR Core sources (profile {@code fr-core-patient-ins}, extension
 * {@code fr-core-identity-reliability} with its sub-extensions, code systems {@code fr-core-cs-identity-status},
 * {@code fr-core-cs-method-collection}, {@code fr-core-cs-mode-validation-identity},
 * {@code fr-core-cs-identity-status-comment}, {@code fr-core-cs-v2-0203}). Constants only.
 */
public final class FrCore {
    private static final String BASE = "https://hl7.fr/ig/fhir/core/";
    public static final String PATIENT_PROFILE = BASE + "StructureDefinition/fr-core-patient";
    public static final String PATIENT_INS_PROFILE = BASE + "StructureDefinition/fr-core-patient-ins";
    public static final String IDENTITY_RELIABILITY = BASE + "StructureDefinition/fr-core-identity-reliability";
    public static final String BIRTH_LIST_GIVEN_NAME = BASE + "StructureDefinition/fr-core-patient-birth-list-given-name";
    public static final String INSEE_CODE = BASE + "StructureDefinition/fr-core-address-insee-code";
    /** FHIR's own birth place extension, which FR Core uses with an FR Core address. */
    public static final String BIRTH_PLACE = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";
    public static final String IDENTITY_STATUS_SYSTEM = BASE + "CodeSystem/fr-core-cs-identity-status";
    public static final String METHOD_COLLECTION_SYSTEM = BASE + "CodeSystem/fr-core-cs-method-collection";
    public static final String VALIDATION_MODE_SYSTEM = BASE + "CodeSystem/fr-core-cs-mode-validation-identity";
    public static final String STATUS_COMMENT_SYSTEM = BASE + "CodeSystem/fr-core-cs-identity-status-comment";
    public static final String IDENTIFIER_TYPE_SYSTEM = BASE + "CodeSystem/fr-core-cs-v2-0203";
    /** HL7's identifier types (for the local identifier, {@code PI}). */
    public static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    /** INSEE codes of communes (TRE-R13 of the ANS's health nomenclatures). */
    public static final String COMMUNE_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM";

    private FrCore() {
    }

    /** The identifier system of an INS: {@code urn:oid:} and its OID. */
    public static String insSystem(InsOid oid) {
        return "urn:oid:" + oid.oid();
    }

    /** The FR Core identifier type code of an INS: {@code INS-NIR}, {@code INS-NIA}, {@code INS-NIR-TEST}, {@code INS-NIR-DEMO}. */
    public static String insType(InsOid oid) {
        return oid.label();
    }

    /** The French words of an RNIV status, as FR Core displays them. */
    public static String statusDisplay(RnivStatus status) {
        return switch (status) {
            case PROV -> "Identité provisoire";
            case RECUP -> "Identité récupérée";
            case VALI -> "Identité validée";
            case QUAL -> "Identité qualifiée";
        };
    }

    /**
     * The FR Core validation mode of a high-trust document ({@code CN}, {@code PA}, {@code CS}); the 2024 exceptions
     * have no code of their own there and give none.
     */
    public static Optional<String> validationMode(HighTrustDocument document) {
        return switch (document) {
            case PASSPORT -> Optional.of("PA");
            case NATIONAL_ID_CARD_EU_EEA_CH -> Optional.of("CN");
            case PERMANENT_RESIDENCE_PERMIT -> Optional.of("CS");
            case EXCEPTION_NURSING_HOME_RESIDENT, EXCEPTION_MINOR -> Optional.empty();
        };
    }
}
