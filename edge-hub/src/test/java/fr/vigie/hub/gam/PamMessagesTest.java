package fr.vigie.hub.gam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.identity.rniv.IdentityAttribute;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.hub.identity.rniv.RnivState;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The feed's messages as IHE PAM France asks, read back with HAPI (the Python receiver of {@code GamFeedIT} reads
 * them with another implementation): header, PID-3 (local id, INS only once QUAL), PID-5 name types, PID-7, PID-8,
 * PID-11, PID-32, and MRG-1 of A40 and A47.
 */
class PamMessagesTest {
    private static final Instant AT = Instant.parse("2026-03-04T10:15:30Z");
    private static final HapiContext HAPI = new DefaultHapiContext();
    private static final GamSettings SETTINGS = new GamSettings("gam.example", 2575, false, List.of(), "VIGIE",
            "CHU-NORD", "GAM", "CHU-NORD", "VIGIE-IPP", "1.2.250.1.999.1.2", Duration.ofSeconds(30), Duration.ofSeconds(60));
    private static final PamMessages MESSAGES = new PamMessages(SETTINGS, HAPI.getPipeParser());

    @AfterAll
    static void close() throws Exception {
        HAPI.close();
    }

    static IdentityRecord record(long id, TraitsInput traits, RnivStatus status, String matricule, InsOid oid,
            IdentityAttribute... attributes) throws Exception {
        StrictTraits t = StrictTraits.check(traits, LocalDate.of(2026, 1, 1)).orThrow();
        return new IdentityRecord(id, t, Optional.ofNullable(matricule).map(PamMessagesTest::ins),
                Optional.ofNullable(oid), RnivState.of(status, Set.of(attributes)), Optional.empty(), "agent",
                AT, "agent", AT);
    }

    private static InsMatricule ins(String m) {
        try {
            return InsMatricule.parse(m);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Terser read(String er7) throws Exception {
        Message m = HAPI.getPipeParser().parse(er7);
        return new Terser(m);
    }

    private static final TraitsInput DUPONT = TraitsInput.of("Dupont", "Marie Claire", "F", "1980-05-12")
            .withLieuNaissance("75056");

    @Test
    void aProvisionalIdentityIsCreatedWithItsLocalIdAloneAndAllPamFranceFields() throws Exception {
        String er7 = MESSAGES.patient(PamEvent.A28, PamPatient.of(record(42, DUPONT, RnivStatus.PROV, null, null)),
                "CTRL1", AT);
        Terser t = read(er7);

        assertEquals("ADT", t.get("/MSH-9-1"));
        assertEquals("A28", t.get("/MSH-9-2"));
        assertEquals("ADT_A05", t.get("/MSH-9-3"));
        assertEquals("CTRL1", t.get("/MSH-10"));
        assertEquals("VIGIE", t.get("/MSH-3"));
        assertEquals("CHU-NORD", t.get("/MSH-4"));
        assertEquals("GAM", t.get("/MSH-5"));
        assertEquals("20260304101530+0000", t.get("/MSH-7"));
        assertTrue(er7.contains("|P|2.5^FRA^2.11|"), "MSH-11 and MSH-12: " + er7);
        assertTrue(er7.startsWith("MSH|^~\\&|"), er7);
        assertEquals("2.11", t.get("/MSH-21-1"));
        assertEquals("IHE_FRANCE-2.11-PAM", t.get("/MSH-21-2"));
        assertEquals("20260304101530+0000", t.get("/EVN-2"));

        assertEquals("42", t.get("/PID-3(0)-1"));
        assertEquals("VIGIE-IPP", t.get("/PID-3(0)-4-1"));
        assertEquals("1.2.250.1.999.1.2", t.get("/PID-3(0)-4-2"));
        assertEquals("ISO", t.get("/PID-3(0)-4-3"));
        assertEquals("PI", t.get("/PID-3(0)-5"));
        assertEquals(null, t.get("/PID-3(1)-1"), "no INS before QUAL");
        assertEquals("DUPONT", t.get("/PID-5(0)-1"));
        assertEquals("MARIE", t.get("/PID-5(0)-2"), "the premier prénom");
        assertEquals("MARIE CLAIRE", t.get("/PID-5(0)-3"), "the list of first names");
        assertEquals("L", t.get("/PID-5(0)-7"));
        assertEquals(null, t.get("/PID-5(1)-1"), "no used name when none is known");
        assertEquals("19800512", t.get("/PID-7"));
        assertEquals("F", t.get("/PID-8"));
        assertEquals("BDL", t.get("/PID-11(0)-7"));
        assertEquals("75056", t.get("/PID-11(0)-9"));
        assertEquals("PROV", t.get("/PID-32(0)"));
        assertEquals(null, t.get("/PID-32(1)"));
        assertEquals("N", t.get("/PV1-2"));
    }

    @Test
    void theInsTravelsOnlyOnceTheIdentityIsQualified() throws Exception {
        String recup = MESSAGES.patient(PamEvent.A31, PamPatient.of(record(7, DUPONT, RnivStatus.RECUP,
                "280057505612389", InsOid.INS_NIR_TEST)), "CTRL2", AT);
        assertFalse(recup.contains("280057505612389"), "a RECUP record's INS is never sent");
        assertEquals("RECUP", read(recup).get("/PID-32(0)"));

        Terser qual = read(MESSAGES.patient(PamEvent.A31, PamPatient.of(record(7, DUPONT, RnivStatus.QUAL,
                "280057505612389", InsOid.INS_NIR_TEST)), "CTRL3", AT));
        assertEquals("7", qual.get("/PID-3(0)-1"));
        assertEquals("280057505612389", qual.get("/PID-3(1)-1"));
        assertEquals("ASIP-SANTE-INS-NIR", qual.get("/PID-3(1)-4-1"));
        assertEquals("1.2.250.1.213.1.4.10", qual.get("/PID-3(1)-4-2"));
        assertEquals("ISO", qual.get("/PID-3(1)-4-3"));
        assertEquals("INS", qual.get("/PID-3(1)-5"));
        assertEquals("QUAL", qual.get("/PID-32(0)"));
    }

    @Test
    void eachInsOidHasItsAuthority() throws Exception {
        TraitsInput nguyen = TraitsInput.of("Nguyen", "Thi Lan", "F", "1985-07-14").withLieuNaissance("99243");
        Terser nia = read(MESSAGES.patient(PamEvent.A31, PamPatient.of(record(9, nguyen, RnivStatus.QUAL,
                "285079924351219", InsOid.INS_NIA)), "CTRL4", AT));
        assertEquals("ASIP-SANTE-INS-NIA", nia.get("/PID-3(1)-4-1"));
        assertEquals("1.2.250.1.213.1.4.9", nia.get("/PID-3(1)-4-2"));
        assertEquals("99243", nia.get("/PID-11(0)-9"), "a country's INSEE code as birth place");
        for (InsOid oid : List.of(InsOid.INS_NIR, InsOid.INS_NIR_DEMO)) {
            Terser t = read(MESSAGES.patient(PamEvent.A31, PamPatient.of(record(9, DUPONT, RnivStatus.QUAL,
                    "280057505612389", oid)), "CTRL5", AT));
            assertEquals("ASIP-SANTE-INS-NIR", t.get("/PID-3(1)-4-1"));
            assertEquals(oid.oid(), t.get("/PID-3(1)-4-2"));
        }
    }

    @Test
    void theUsedNameFollowsTheBirthNameWithTypeD() throws Exception {
        TraitsInput married = TraitsInput.of("Dupont", "Marie Claire", "F", "1980-05-12").withNomUtilise("Durand")
                .withPrenomUtilise("Claire");
        Terser t = read(MESSAGES.patient(PamEvent.A28, PamPatient.of(record(3, married, RnivStatus.PROV, null, null)),
                "CTRL6", AT));
        assertEquals("DUPONT", t.get("/PID-5(0)-1"));
        assertEquals("L", t.get("/PID-5(0)-7"));
        assertEquals("DURAND", t.get("/PID-5(1)-1"));
        assertEquals("CLAIRE", t.get("/PID-5(1)-2"));
        assertEquals("D", t.get("/PID-5(1)-7"));
        assertEquals(null, t.get("/PID-11(0)-7"), "no birth place known, none sent");
    }

    @Test
    void aPartialBirthDateIsSentWithTheKnownPartsOnly() throws Exception {
        Terser month = read(MESSAGES.patient(PamEvent.A28, PamPatient.of(record(4, TraitsInput.of("Inconnu", "Homme",
                "M", "1970-06-00"), RnivStatus.PROV, null, null)), "CTRL7", AT));
        assertEquals("197006", month.get("/PID-7"));
        Terser year = read(MESSAGES.patient(PamEvent.A28, PamPatient.of(record(4, TraitsInput.of("Inconnu", "Homme",
                "M", "1970-00-00"), RnivStatus.PROV, null, null)), "CTRL8", AT));
        assertEquals("1970", year.get("/PID-7"));
        assertEquals("M", year.get("/PID-8"));
    }

    @Test
    void attributesFollowTheStatusInPid32() throws Exception {
        Terser doubtful = read(MESSAGES.patient(PamEvent.A31, PamPatient.of(record(5, DUPONT, RnivStatus.PROV, null,
                null, IdentityAttribute.DOUT, IdentityAttribute.HOMA)), "CTRL9", AT));
        assertEquals("PROV", doubtful.get("/PID-32(0)"));
        assertEquals("DOUT", doubtful.get("/PID-32(1)"));
        assertEquals("HOMA", doubtful.get("/PID-32(2)"));
    }

    @Test
    void aMergeNamesTheRecordKeptInPidAndTheOneMergedInMrg() throws Exception {
        IdentityRecord kept = record(10, DUPONT, RnivStatus.QUAL, "280057505612389", InsOid.INS_NIR_TEST);
        IdentityRecord gone = record(11, DUPONT, RnivStatus.PROV, null, null);
        String er7 = MESSAGES.merge(PamPatient.of(kept), PamPatient.of(gone), "CTRL10", AT);
        Terser t = read(er7);
        assertEquals("A40", t.get("/MSH-9-2"));
        assertEquals("ADT_A39", t.get("/MSH-9-3"));
        assertEquals("10", t.get("/PATIENT/PID-3(0)-1"));
        assertEquals("280057505612389", t.get("/PATIENT/PID-3(1)-1"));
        assertEquals("11", t.get("/PATIENT/MRG-1(0)-1"));
        assertEquals("PI", t.get("/PATIENT/MRG-1(0)-5"));
        assertEquals("VIGIE-IPP", t.get("/PATIENT/MRG-1(0)-4-1"));
    }

    @Test
    void anInsChangeCarriesTheNewInsInPidAndTheFormerInMrg() throws Exception {
        IdentityRecord r = record(12, TraitsInput.of("Legrand", "Sophie", "F", "1990-11-20"), RnivStatus.QUAL,
                "290113306310159", InsOid.INS_NIR_TEST);
        PamPatient.Ins former = new PamPatient.Ins(ins("290113306308773"), InsOid.INS_NIR_TEST);
        Terser t = read(MESSAGES.insChange(PamPatient.of(r), former, "CTRL11", AT));
        assertEquals("A47", t.get("/MSH-9-2"));
        assertEquals("ADT_A30", t.get("/MSH-9-3"));
        assertEquals("290113306310159", t.get("/PID-3(1)-1"));
        assertEquals("290113306308773", t.get("/MRG-1(0)-1"));
        assertEquals("INS", t.get("/MRG-1(0)-5"));
        assertEquals("1.2.250.1.213.1.4.10", t.get("/MRG-1(0)-4-2"));

        IdentityRecord notQualified = record(12, DUPONT, RnivStatus.RECUP, "280057505612389", InsOid.INS_NIR_TEST);
        assertThrows(IllegalArgumentException.class, () -> MESSAGES.insChange(PamPatient.of(notQualified), former,
                "CTRL12", AT));
    }

    @Test
    void withoutAnOidTheLocalIdCarriesItsNamespaceOnly() throws Exception {
        GamSettings noOid = new GamSettings("gam.example", 2575, false, List.of(), "VIGIE", "", "GAM", "", "", "",
                Duration.ofSeconds(30), Duration.ofSeconds(60));
        Terser t = read(new PamMessages(noOid, HAPI.getPipeParser()).patient(PamEvent.A28,
                PamPatient.of(record(1, DUPONT, RnivStatus.PROV, null, null)), "CTRL13", AT));
        assertEquals("VIGIE", t.get("/PID-3(0)-4-1"), "the authority defaults to the sending application");
        assertEquals(null, t.get("/PID-3(0)-4-2"));
    }
}
