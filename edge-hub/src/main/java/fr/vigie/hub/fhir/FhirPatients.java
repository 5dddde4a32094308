package fr.vigie.hub.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import fr.vigie.hub.identity.DocumentCheck;
import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.identity.InsHistoryEntry;
import fr.vigie.protocol.identity.BirthDate;
import fr.vigie.hub.identity.rniv.IdentityAttribute;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.Sex;
import fr.vigie.protocol.identity.StrictTraits;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A local identity record as a FHIR R4 Patient following FR Core ({@link FrCore}):
 * <ul>
 * <li>{@code identifier}: the hub's record id ({@code use} usual, type {@code PI}); the INS only when the identity
 *     is QUAL (DOMAIN §2), with its OID as system ({@code urn:oid:1.2.250.1.213.1.4.8} NIR, {@code .9} NIA,
 *     {@code .10} test, {@code .11} demo), its FR Core type, {@code use} official — temp for a NIA, as FR Core's NIA
 *     slice asks — so that at most one identifier is official;</li>
 * <li>extension {@code fr-core-identity-reliability}: {@code identityStatus} (PROV, RECUP, VALI, QUAL),
 *     {@code methodCollection} ({@code INSI} for an INS from INSi, {@code AV} from the Appli carte Vitale, {@code SM}
 *     typed without either), {@code dateInterrogationINSi}, {@code validationMode} and {@code validationDate} for a
 *     checked document (or {@code AV} for the ApCV), and {@code comment}: the attributes DOUT, FICT, HOMA, and DESA
 *     for a record merged into another;</li>
 * <li>{@code name}: official (birth name, the premier prénom as {@code given}, the whole list of first names in
 *     {@code fr-core-patient-birth-list-given-name}) and usual when a nom or prénom utilisé is known;</li>
 * <li>{@code gender}, {@code birthDate} (a partial date with the known parts only), the birth place (FHIR's
 *     {@code patient-birthPlace}, its INSEE code in {@code fr-core-address-insee-code});</li>
 * <li>{@code active} false and a {@code replaced-by} link for a record the identity-vigilance cell merged into
 *     another.</li>
 * </ul>
 * {@code meta.profile} claims {@code fr-core-patient-ins} for a QUAL record with its birth place (what that profile
 * requires), {@code fr-core-patient} otherwise. Thread-safe.
 */
final class FhirPatients {
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    /**
     * What the hub knows of one record, for its Patient.
     *
     * @param mergedInto the record this one was merged into, if any
     * @param documentChecks the high-trust documents checked, oldest first
     * @param insHistory the INS history, oldest first
     */
    record Facts(IdentityRecord record, OptionalLong mergedInto, List<DocumentCheck> documentChecks,
            List<InsHistoryEntry> insHistory) {
        Facts {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(mergedInto, "mergedInto");
            documentChecks = List.copyOf(documentChecks);
            insHistory = List.copyOf(insHistory);
        }
    }

    private final String localIdSystem;

    /** @param localIdSystem the identifier system of the hub's record ids */
    FhirPatients(String localIdSystem) {
        this.localIdSystem = Objects.requireNonNull(localIdSystem, "localIdSystem");
    }

    Patient patient(Facts f) {
        IdentityRecord r = f.record();
        StrictTraits t = r.traits();
        boolean qualified = r.state().status() == RnivStatus.QUAL && r.matricule().isPresent() && r.oid().isPresent();
        Patient p = new Patient();
        p.setId(Long.toString(r.id()));
        p.getMeta().setLastUpdated(Date.from(r.updatedAt()));
        p.getMeta().addProfile(qualified && t.lieuNaissance().isPresent() ? FrCore.PATIENT_INS_PROFILE
                : FrCore.PATIENT_PROFILE);
        p.addExtension(reliability(f));
        t.lieuNaissance().ifPresent(place -> {
            Address address = new Address();
            address.addExtension(FrCore.INSEE_CODE, new Coding(FrCore.COMMUNE_SYSTEM, place.code(), null));
            p.addExtension(FrCore.BIRTH_PLACE, address);
        });
        p.addIdentifier().setUse(Identifier.IdentifierUse.USUAL)
                .setType(new CodeableConcept(new Coding(FrCore.V2_0203, "PI", "Patient internal identifier")))
                .setSystem(localIdSystem).setValue(Long.toString(r.id()));
        if (qualified) {
            InsOid oid = r.oid().get();
            p.addIdentifier().setUse(oid == InsOid.INS_NIA ? Identifier.IdentifierUse.TEMP : Identifier.IdentifierUse.OFFICIAL)
                    .setType(new CodeableConcept(new Coding(FrCore.IDENTIFIER_TYPE_SYSTEM, FrCore.insType(oid), null)))
                    .setSystem(FrCore.insSystem(oid)).setValue(r.matricule().get().value());
        }
        p.setActive(f.mergedInto().isEmpty());
        f.mergedInto().ifPresent(into -> p.addLink().setType(Patient.LinkType.REPLACEDBY)
                .setOther(new Reference("Patient/" + into)));
        HumanName official = p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(t.nomNaissance());
        official.addGiven(t.premierPrenom());
        official.addExtension(FrCore.BIRTH_LIST_GIVEN_NAME, new StringType(t.listePrenomText()));
        if (t.nomUtilise().isPresent() || t.prenomUtilise().isPresent()) {
            p.addName().setUse(HumanName.NameUse.USUAL).setFamily(t.nomUtilise().orElse(t.nomNaissance()))
                    .addGiven(t.prenomUtiliseOrPremier());
        }
        p.setGender(t.sexe() == Sex.FEMALE ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
        p.setBirthDateElement(birthDate(t.dateNaissance()));
        return p;
    }

    private static Extension reliability(Facts f) {
        IdentityRecord r = f.record();
        Extension e = new Extension(FrCore.IDENTITY_RELIABILITY);
        e.addExtension("identityStatus", new Coding(FrCore.IDENTITY_STATUS_SYSTEM, r.state().status().name(),
                FrCore.statusDisplay(r.state().status())));
        Optional<InsHistoryEntry> evidence = f.insHistory().stream()
                .filter(h -> h.source().equals("INSI") || h.source().equals("APCV")).reduce((a, b) -> b);
        boolean apcv = r.state().status().insi() && evidence.map(h -> h.source().equals("APCV")).orElse(false);
        String method = !r.state().status().insi() || evidence.isEmpty() ? "SM" : apcv ? "AV" : "INSI";
        e.addExtension("methodCollection", new Coding(FrCore.METHOD_COLLECTION_SYSTEM, method, null));
        f.insHistory().stream().filter(h -> h.source().equals("INSI")).reduce((a, b) -> b)
                .ifPresent(h -> e.addExtension("dateInterrogationINSi", date(h.recordedAt())));
        if (r.state().status().document()) {
            Optional<String> mode = r.document().flatMap(FrCore::validationMode).or(() -> apcv ? Optional.of("AV")
                    : Optional.empty());
            mode.ifPresent(m -> e.addExtension("validationMode", new Coding(FrCore.VALIDATION_MODE_SYSTEM, m, null)));
            f.documentChecks().stream().reduce((a, b) -> b)
                    .ifPresent(d -> e.addExtension("validationDate", date(d.checkedAt())));
        }
        for (IdentityAttribute a : r.state().attributes().stream().sorted().toList()) {
            e.addExtension("comment", new CodeableConcept(new Coding(FrCore.STATUS_COMMENT_SYSTEM, a.name(), null)));
        }
        if (f.mergedInto().isPresent()) {
            e.addExtension("comment", new CodeableConcept(new Coding(FrCore.STATUS_COMMENT_SYSTEM, "DESA",
                    "Identité désactivée")));
        }
        return e;
    }

    private static DateType date(Instant at) {
        LocalDate d = LocalDate.ofInstant(at, FRANCE);
        return new DateType(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
    }

    /** A birth date with its known parts only: {@code 1950-03-15}, {@code 1950-03}, {@code 1950}. */
    static DateType birthDate(BirthDate d) {
        if (d.month().isEmpty()) {
            return new DateType(String.format(java.util.Locale.ROOT, "%04d", d.year()));
        }
        if (d.day().isEmpty()) {
            return new DateType(String.format(java.util.Locale.ROOT, "%04d-%02d", d.year(), d.month().getAsInt()));
        }
        DateType full = new DateType(d.year(), d.month().getAsInt() - 1, d.day().getAsInt());
        full.setPrecision(TemporalPrecisionEnum.DAY);
        return full;
    }
}
