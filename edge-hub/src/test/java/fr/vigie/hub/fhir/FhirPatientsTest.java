package fr.vigie.hub.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import fr.vigie.hub.identity.DocumentCheck;
import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.identity.InsHistoryEntry;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.hub.identity.rniv.IdentityAttribute;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.hub.identity.rniv.RnivState;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records as FR Core Patients: each one valid against the FHIR R4 core definitions (HAPI's validator), and the FR
 * Core rules Vigie implements — INS identifier slices by OID with their types, at most one official identifier, the
 * INS only once QUAL, the identity reliability extension's status, collection method and validation, the birth
 * place's INSEE code and the birth list of given names.
 */
class FhirPatientsTest {
    private static final Instant AT = Instant.parse("2026-03-04T10:15:30Z");
    private static final String LOCAL = "urn:oid:1.2.250.1.999.15.1";
    private static final FhirPatients PATIENTS = new FhirPatients(LOCAL);
    private static final TraitsInput DUPONT = TraitsInput.of("Dupont", "Marie Claire", "F", "1980-05-12")
            .withLieuNaissance("75056").withNomUtilise("Durand");
    private static FhirContext fhir;
    private static FhirValidator validator;

    @BeforeAll
    static void validator() {
        fhir = FhirContext.forR4Cached();
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir), new InMemoryTerminologyServerValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        FhirInstanceValidator instance = new FhirInstanceValidator(chain);
        // FR Core's definitions cannot be fetched here: the profiles a Patient claims are left unchecked (a warning),
        // the resource itself is checked against R4 core, and FR Core's rules by the tests below
        instance.setErrorForUnknownProfiles(false);
        validator = fhir.newValidator();
        validator.registerValidatorModule(instance);
    }

    private static IdentityRecord record(long id, TraitsInput traits, RnivStatus status, String matricule, InsOid oid,
            HighTrustDocument document, IdentityAttribute... attributes) throws Exception {
        StrictTraits t = StrictTraits.check(traits, LocalDate.of(2026, 1, 1)).orThrow();
        return new IdentityRecord(id, t, Optional.ofNullable(matricule).map(FhirPatientsTest::ins), Optional.ofNullable(oid),
                RnivState.of(status, Set.of(attributes)), Optional.ofNullable(document), "agent", AT, "agent", AT);
    }

    private static InsMatricule ins(String m) {
        try {
            return InsMatricule.parse(m);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static FhirPatients.Facts facts(IdentityRecord r, String insSource) {
        List<InsHistoryEntry> history = r.matricule().isEmpty() ? List.of() : List.of(new InsHistoryEntry(
                r.matricule().get(), r.oid().get(), null, null, insSource, "agent", AT));
        List<DocumentCheck> checks = r.document().isEmpty() ? List.of() : List.of(new DocumentCheck(r.document().get(),
                "810001234565", AT));
        return new FhirPatients.Facts(r, OptionalLong.empty(), checks, history);
    }

    /** The patient, after checking it against the R4 core definitions: no error, whatever the warnings. */
    private static Patient valid(FhirPatients.Facts f) {
        Patient p = PATIENTS.patient(f);
        ValidationResult result = validator.validateWithResult(fhir.newJsonParser().encodeResourceToString(p));
        List<SingleValidationMessage> errors = result.getMessages().stream().filter(m ->
                m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL).toList();
        assertEquals(List.of(), errors.stream().map(m -> m.getLocationString() + ": " + m.getMessage()).toList(),
                "valid against the FHIR R4 core definitions");
        return p;
    }

    private static List<Identifier> official(Patient p) {
        return p.getIdentifier().stream().filter(i -> i.getUse() == Identifier.IdentifierUse.OFFICIAL).toList();
    }

    private static Extension reliability(Patient p) {
        return p.getExtensionByUrl(FrCore.IDENTITY_RELIABILITY);
    }

    private static String sub(Patient p, String name) {
        Extension e = reliability(p).getExtensionByUrl(name);
        return e == null ? null : e.getValue() instanceof Coding c ? c.getCode() : e.getValue().primitiveValue();
    }

    @Test
    void theValidatorCatchesWhatR4CoreForbids() throws Exception {
        Patient p = PATIENTS.patient(facts(record(1, DUPONT, RnivStatus.PROV, null, null, null), null));
        p.addExtension(new Extension("https://example.invalid/empty")); // neither value nor extensions: ext-1
        p.getIdentifierFirstRep().setSystem("not a uri");
        ValidationResult result = validator.validateWithResult(fhir.newJsonParser().encodeResourceToString(p));
        assertTrue(result.getMessages().stream().anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR),
                "so that the other tests' 'no error' means something: " + result.getMessages());
    }

    @Test
    void aQualifiedNirIsTheOneOfficialIdentifierWithItsOidAndType() throws Exception {
        Patient p = valid(facts(record(7, DUPONT, RnivStatus.QUAL, "280057505612389", InsOid.INS_NIR,
                HighTrustDocument.PASSPORT), "INSI"));

        assertEquals(FrCore.PATIENT_INS_PROFILE, p.getMeta().getProfile().get(0).getValue());
        List<Identifier> official = official(p);
        assertEquals(1, official.size(), "one official identifier");
        assertEquals("urn:oid:1.2.250.1.213.1.4.8", official.get(0).getSystem());
        assertEquals("280057505612389", official.get(0).getValue());
        assertEquals("INS-NIR", official.get(0).getType().getCodingFirstRep().getCode());
        assertEquals(FrCore.IDENTIFIER_TYPE_SYSTEM, official.get(0).getType().getCodingFirstRep().getSystem());
        Identifier local = p.getIdentifier().get(0);
        assertEquals(Identifier.IdentifierUse.USUAL, local.getUse());
        assertEquals(LOCAL, local.getSystem());
        assertEquals("7", local.getValue());
        assertEquals("PI", local.getType().getCodingFirstRep().getCode());

        assertEquals("QUAL", sub(p, "identityStatus"));
        assertEquals(FrCore.IDENTITY_STATUS_SYSTEM, ((Coding) reliability(p).getExtensionByUrl("identityStatus")
                .getValue()).getSystem());
        assertEquals("INSI", sub(p, "methodCollection"));
        assertEquals("PA", sub(p, "validationMode"), "the passport checked");
        assertEquals("2026-03-04", sub(p, "validationDate"));
        assertEquals("2026-03-04", sub(p, "dateInterrogationINSi"));

        assertEquals("DUPONT", p.getNameFirstRep().getFamily());
        assertEquals("official", p.getNameFirstRep().getUse().toCode());
        assertEquals(List.of("MARIE"), p.getNameFirstRep().getGiven().stream().map(StringType::getValue).toList(),
                "the premier prénom alone in given");
        assertEquals("MARIE CLAIRE", p.getNameFirstRep().getExtensionByUrl(FrCore.BIRTH_LIST_GIVEN_NAME).getValue()
                .primitiveValue());
        assertEquals("DURAND", p.getName().get(1).getFamily());
        assertEquals("usual", p.getName().get(1).getUse().toCode());
        assertEquals("female", p.getGender().toCode());
        assertEquals("1980-05-12", p.getBirthDateElement().getValueAsString());
        Coding insee = (Coding) ((org.hl7.fhir.r4.model.Address) p.getExtensionByUrl(FrCore.BIRTH_PLACE).getValue())
                .getExtensionByUrl(FrCore.INSEE_CODE).getValue();
        assertEquals("75056", insee.getCode());
        assertEquals(FrCore.COMMUNE_SYSTEM, insee.getSystem());
        assertTrue(p.getActive());
    }

    @Test
    void eachInsOidGivesItsSliceAndANiaIsTemporary() throws Exception {
        for (InsOid oid : InsOid.values()) {
            String m = oid == InsOid.INS_NIA ? "285079924351219" : "280057505612389";
            Patient p = valid(facts(record(9, DUPONT, RnivStatus.QUAL, m, oid, HighTrustDocument.PASSPORT), "INSI"));
            Identifier ins = p.getIdentifier().get(1);
            assertEquals("urn:oid:" + oid.oid(), ins.getSystem());
            assertEquals(oid.label(), ins.getType().getCodingFirstRep().getCode());
            assertEquals(oid == InsOid.INS_NIA ? Identifier.IdentifierUse.TEMP : Identifier.IdentifierUse.OFFICIAL,
                    ins.getUse());
            assertTrue(official(p).size() <= 1, "never two official identifiers");
        }
        assertEquals(List.of("urn:oid:1.2.250.1.213.1.4.8", "urn:oid:1.2.250.1.213.1.4.9", "urn:oid:1.2.250.1.213.1.4.10",
                "urn:oid:1.2.250.1.213.1.4.11"), List.of(InsOid.values()).stream().map(FrCore::insSystem).toList());
    }

    @Test
    void noInsBeforeQualEvenWhenTheRecordHoldsOne() throws Exception {
        for (RnivStatus status : List.of(RnivStatus.PROV, RnivStatus.RECUP, RnivStatus.VALI)) {
            boolean holds = status == RnivStatus.RECUP;
            Patient p = valid(facts(record(3, DUPONT, status, holds ? "280057505612389" : null,
                    holds ? InsOid.INS_NIR_TEST : null, status.document() ? HighTrustDocument.NATIONAL_ID_CARD_EU_EEA_CH
                            : null), "INSI"));
            assertEquals(1, p.getIdentifier().size(), status + ": the local identifier only");
            assertFalse(fhir.newJsonParser().encodeResourceToString(p).contains("280057505612389"), status.name());
            assertEquals(FrCore.PATIENT_PROFILE, p.getMeta().getProfile().get(0).getValue(),
                    "the INS profile is claimed only by a qualified identity, which carries its INS");
            assertEquals(status.name(), sub(p, "identityStatus"));
            assertEquals(status == RnivStatus.RECUP ? "INSI" : "SM", sub(p, "methodCollection"));
            assertEquals(status == RnivStatus.VALI ? "CN" : null, sub(p, "validationMode"));
        }
    }

    @Test
    void attributesAreCommentsAndADoubtfulIdentityStaysProvisional() throws Exception {
        Patient p = valid(facts(record(4, DUPONT, RnivStatus.PROV, null, null, null, IdentityAttribute.DOUT,
                IdentityAttribute.HOMA), null));
        assertEquals("PROV", sub(p, "identityStatus"), "FR Core: DOUT or FICT implies PROV");
        assertEquals(Set.of("DOUT", "HOMA"), reliability(p).getExtensionsByUrl("comment").stream()
                .map(e -> ((org.hl7.fhir.r4.model.CodeableConcept) e.getValue()).getCodingFirstRep().getCode())
                .collect(Collectors.toSet()));
    }

    @Test
    void anApcvIdentityIsCollectedAndValidatedByTheApplication() throws Exception {
        Patient p = valid(facts(record(5, DUPONT, RnivStatus.QUAL, "297022A02099951", InsOid.INS_NIR_TEST, null),
                "APCV"));
        assertEquals("AV", sub(p, "methodCollection"));
        assertEquals("AV", sub(p, "validationMode"));
        assertEquals(null, sub(p, "dateInterrogationINSi"), "INSi was not called");
    }

    @Test
    void aPartialBirthDateAndAnUnknownBirthPlace() throws Exception {
        Patient p = valid(facts(record(6, TraitsInput.of("Inconnu", "Homme", "M", "1970-06-00"), RnivStatus.PROV, null,
                null, null), null));
        assertEquals("1970-06", p.getBirthDateElement().getValueAsString());
        assertEquals(null, p.getExtensionByUrl(FrCore.BIRTH_PLACE));
        assertEquals("male", p.getGender().toCode());
        assertEquals("1970", valid(facts(record(6, TraitsInput.of("Inconnu", "Homme", "M", "1970-00-00"), RnivStatus.PROV,
                null, null, null), null)).getBirthDateElement().getValueAsString());
    }

    @Test
    void aMergedRecordIsInactiveAndPointsToTheRecordKept() throws Exception {
        IdentityRecord r = record(11, DUPONT, RnivStatus.PROV, null, null, null);
        Patient p = valid(new FhirPatients.Facts(r, OptionalLong.of(10), List.of(), List.of()));
        assertFalse(p.getActive());
        assertEquals("replaced-by", p.getLinkFirstRep().getType().toCode());
        assertEquals("Patient/10", p.getLinkFirstRep().getOther().getReference());
        assertTrue(reliability(p).getExtensionsByUrl("comment").stream().anyMatch(e ->
                ((org.hl7.fhir.r4.model.CodeableConcept) e.getValue()).getCodingFirstRep().getCode().equals("DESA")));
    }
}
