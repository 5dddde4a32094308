package fr.vigie.hub.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The gateway reading INSi answers in the shapes published for the CNDA tests (the XML files under
 * {@code src/test/resources/fr/vigie/hub/insi/published}, see the README there), and the faults INSi
 * answers: {@code siram_40}/{@code insi_102} retried then {@code INSI_UNAVAILABLE}, authentication
 * faults never retried.
 */
class PublishedAnswersTest {
    private static final InsiCaller CALLER = new InsiCaller("810001234565", "chu-nord/accueil-1", 42L);
    private final MutableClock clock = MutableClock.followingSystemTime();
    private final List<Duration> pauses = new ArrayList<>();
    private final InMemoryInsiAudit audit = new InMemoryInsiAudit();
    private final ScriptedTransport transport = new ScriptedTransport();
    private final SoapInsiClient client = new SoapInsiClient(InsiSettings.defaults(URI.create("https://insi.test/ICIR-v1"),
            "10B0152872", "IDAM-1"), transport, audit, clock, d -> {
                pauses.add(d);
                clock.advance(d);
            });

    static byte[] published(String name) {
        try (InputStream in = PublishedAnswersTest.class.getResourceAsStream("published/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InsiResult answer(String fixture) throws Exception {
        transport.answer(200, published(fixture));
        return search();
    }

    private InsiResult search() throws Exception {
        StrictTraits t = StrictTraits.check(TraitsInput.of("Ecetinsi", "Pierre-Alain", "M", "2009-07-14"),
                LocalDate.of(2026, 1, 1)).orThrow();
        return client.rechercherAvecTraits(CALLER, TraitsQuery.premierPrenom(t));
    }

    private InsiException failure() {
        return assertThrows(InsiException.class, this::search);
    }

    @Test
    void historyWithItsDatesBeforeTheInsAsTheCndaPublishesItIsRead() throws Exception {
        InsiResult.OneIdentity one = assertInstanceOf(InsiResult.OneIdentity.class,
                answer("cnda-2.04-history-dates-first.xml"));

        assertEquals("109076322083489", one.matricule().value());
        assertEquals(InsOid.INS_NIR, one.oid());
        assertEquals(2, one.history().size());
        HistoricIns dated = one.history().get(0);
        assertEquals("209076322083439", dated.matricule().value());
        assertEquals(LocalDate.of(2019, 3, 1), dated.validFrom().orElseThrow(), "kept as sent");
        assertEquals(LocalDate.of(2019, 2, 28), dated.validTo().orElseThrow(), "kept as sent, even before the start");
        assertTrue(one.history().get(1).validFrom().isEmpty());
        assertEquals("ECETINSI", one.traits().nomNaissance());
        assertEquals("PIERRE-ALAIN MURIEL FLORIANT", one.traits().listePrenom(), "no Prenom in TIQ: the list is read");
        assertEquals("63220", one.traits().lieu().orElseThrow());
    }

    @Test
    void aHistoryDateWithAnOffsetIsReadAsItsDay() throws Exception {
        String withOffset = new String(published("cnda-2.04-history-dates-first.xml"), StandardCharsets.UTF_8)
                .replace("<DateDeb>2019-03-01</DateDeb>", "<DateDeb>2019-03-01+01:00</DateDeb>");
        transport.answer(200, withOffset.getBytes(StandardCharsets.UTF_8));
        assertEquals(LocalDate.of(2019, 3, 1), search().requireOne().history().get(0).validFrom().orElseThrow());
    }

    @Test
    void historyWithItsDatesAfterTheOidAndATypeMatriculeIsRead() throws Exception {
        InsiResult.OneIdentity one = assertInstanceOf(InsiResult.OneIdentity.class,
                answer("staging-history-dates-last.xml"));

        assertEquals(1, one.history().size());
        assertEquals(LocalDate.of(2019, 3, 1), one.history().get(0).validFrom().orElseThrow());
        assertEquals("209076322083439", one.history().get(0).matricule().value());
    }

    @Test
    void corsicanMatriculesAreReadWithTheirLetters() throws Exception {
        InsiResult.OneIdentity b = assertInstanceOf(InsiResult.OneIdentity.class, answer("cnda-2.08-cas1-corsica-2b.xml"));
        assertEquals("180032B02040123", b.matricule().value());
        assertEquals("2B", b.matricule().department());
        assertEquals("2B020", b.traits().lieu().orElseThrow());
        assertEquals("ANTHONY", b.traits().listePrenom(), "TIQ with Prenom is read too");
        assertEquals(List.of(b.matricule()), b.history().stream().map(HistoricIns::matricule).toList(),
                "INSi repeated the active INS in INSHISTO: read as sent");

        InsiResult.OneIdentity a = assertInstanceOf(InsiResult.OneIdentity.class, answer("corsica-2a.xml"));
        assertEquals("297022A02077878", a.matricule().value());
        assertTrue(a.history().isEmpty());
    }

    @Test
    void aNiaComesWithItsOwnOid() throws Exception {
        InsiResult.OneIdentity one = assertInstanceOf(InsiResult.OneIdentity.class, answer("nia.xml"));
        assertEquals(InsOid.INS_NIA, one.oid());
        assertEquals("99243", one.traits().lieu().orElseThrow());
    }

    @Test
    void publishedNoneAndSeveralAnswersAreRead() throws Exception {
        assertInstanceOf(InsiResult.NoIdentity.class, answer("cr01.xml"));
        assertInstanceOf(InsiResult.SeveralIdentities.class, answer("cr02.xml"));
    }

    /** The decision documented in the README: read as sent, never corrected, flagged, never attached. */
    @Test
    void aMatriculeWhoseKeyDoesNotVerifyIsKeptAsSentAndFlagged() throws Exception {
        InsiResult r = answer("cnda-2.08-cas2-key-not-verifying.xml");

        InsiResult.KeyNotVerified odd = assertInstanceOf(InsiResult.KeyNotVerified.class, r);
        assertEquals("00", odd.codeCr());
        assertTrue(odd.foundOne());
        assertEquals("1************60", odd.activeMasked(), "the key INSi sent, not the computed 76");
        assertEquals(List.of("1************60", "1************60", "2************10"), odd.notVerifying());
        assertEquals("HERMANN", odd.traits().nomNaissance());
        InsiException e = assertThrows(InsiException.class, r::requireOne);
        assertEquals(InsiError.INSI_KEY_NOT_VERIFIED, e.error());
        assertFalse(e.getMessage().contains("1810363220456"), e.getMessage());

        InsiAuditEntry entry = audit.last();
        assertEquals("00", entry.outcome());
        assertEquals("INSI_KEY_NOT_VERIFIED", entry.warning());
        assertEquals("1************60", entry.maskedIns());
        assertFalse(entry.message().contains("1810363220456"), entry.message());
    }

    @Test
    void serviceUnavailableIsRetriedWithBackoffThenReportedAsUnavailable() {
        byte[] fault = published("fault-siram40-insi102.xml");
        transport.answer(500, fault).answer(500, fault).answer(500, fault);

        InsiException e = failure();

        assertEquals(InsiError.INSI_UNAVAILABLE, e.error());
        assertEquals("siram_40", e.faultSubcode().orElseThrow());
        assertEquals("insi_102", e.faultDetail().orElseThrow());
        assertEquals(3, transport.requests.size());
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400)), pauses);
        assertEquals(3, audit.last().attempts());
        assertEquals("INSI_UNAVAILABLE", audit.last().outcome());
        assertEquals("insi_102", audit.last().faultDetail());
    }

    @Test
    void aTransientUnavailabilityIsOvercomeByTheRetry() throws Exception {
        transport.answer(500, published("fault-siram40-insi102.xml")).answer(200, published("cnda-2.04-history-dates-first.xml"));

        assertEquals("109076322083489", search().requireOne().matricule().value());

        assertEquals(2, audit.last().attempts());
        assertEquals("00", audit.last().outcome());
        assertEquals(List.of(Duration.ofMillis(200)), pauses);
    }

    @Test
    void authenticationFaultsAreMappedApartAndNeverRetried() {
        transport.answer(400, published("fault-siram100-desir550.xml")).answer(400, published("fault-desir560.xml"));

        InsiException unknownIdam = failure();
        InsiException certificate = failure();

        assertEquals(InsiError.INSI_FAULT_AUTHENTICATION, unknownIdam.error());
        assertEquals("desir_550", unknownIdam.faultDetail().orElseThrow());
        assertEquals(InsiError.INSI_FAULT_AUTHENTICATION, certificate.error());
        assertEquals("desir_560", certificate.faultDetail().orElseThrow(), "DESIR_560 read without case");
        assertEquals(2, transport.requests.size(), "one attempt each");
        assertTrue(pauses.isEmpty());
        assertEquals(1, audit.last().attempts());
    }

    @Test
    void theFaultTableReadsDetailThenSubcodeThenStandardCode() throws Exception {
        String[][] rows = {
            // code, subcode, detail, expected
            {"Receiver", "siram_40", "insi_102", "INSI_UNAVAILABLE"},
            {"Sender", "siram_77", "insi_102", "INSI_UNAVAILABLE"},
            {"Receiver", "siram_40", "insi_999", "INSI_UNAVAILABLE"},
            {"Sender", "siram_100", "desir_550", "INSI_FAULT_AUTHENTICATION"},
            {"Sender", "siram_1", "DESIR_560", "INSI_FAULT_AUTHENTICATION"},
            {"Sender", "siram_100", "insi_999", "INSI_FAULT_AUTHENTICATION"},
            {"Sender", "siram_10", "insi_902", "INSI_FAULT_REQUEST_INVALID"},
            {"Receiver", "siram_99", "desir_500", "INSI_FAULT_SERVICE"},
            {"Whatever", "siram_99", "desir_500", "INSI_FAULT_UNKNOWN"},
        };
        for (String[] row : rows) {
            org.w3c.dom.Document doc = new SafeXml(8192).parse(CannedAnswers.fault(row[0], row[1], row[2]));
            org.w3c.dom.Element fault = InsiResponseReader.children(InsiResponseReader.children(doc.getDocumentElement())
                    .get(1)).get(0);
            assertEquals(row[3], SoapFaults.toException(fault).error().name(), String.join("/", row));
        }
    }

    @Test
    void anIdentityVigieCannotCompareIsRefusedWithItsReason() {
        String[][] cases = {
            {"<ListePrenom>PIERRE-ALAIN MURIEL FLORIANT</ListePrenom>", "", "without ListePrenom"},
            {"<Sexe>M</Sexe>", "<Sexe>I</Sexe>", "sex other than F or M"},
            {"<Cle>89</Cle>", "", "without its key"},
            {"<OID>1.2.250.1.213.1.4.8</OID></INSHISTO>",
                "<OID>1.2.250.1.213.1.4.8</OID><DateDeb>2019-03-01</DateDeb></INSHISTO>", "DateDeb appears twice"},
        };
        String base = new String(published("cnda-2.04-history-dates-first.xml"), StandardCharsets.UTF_8)
                .replaceAll(">\\s+<", "><");
        for (String[] c : cases) {
            String changed = base.replaceFirst(java.util.regex.Pattern.quote(c[0]), c[1]);
            assertFalse(changed.equals(base), c[2]);
            transport.answer(200, changed.getBytes(StandardCharsets.UTF_8));
            InsiException e = failure();
            assertEquals(InsiError.INSI_MALFORMED_RESPONSE, e.error(), c[2]);
            assertTrue(e.getMessage().contains(c[2]), c[2] + ": " + e.getMessage());
        }
        assertNull(audit.last().warning());
    }
}
