package fr.vigie.hub.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.identity.BirthDate;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class SoapInsiClientTest {
    private static final InsiCaller CALLER = new InsiCaller("agent-7", "chu-nord/accueil-1", 42L);
    private final MutableClock clock = MutableClock.followingSystemTime();
    private final List<Duration> pauses = new ArrayList<>();
    private final InMemoryInsiAudit audit = new InMemoryInsiAudit();
    private final ScriptedTransport transport = new ScriptedTransport();
    private final InsiSettings settings = InsiSettings.defaults(URI.create("https://insi.test/ICIR-v1"), "10B0152872",
            "IDAM-1").withMaxResponseBytes(8 * 1024);
    private final SoapInsiClient client = new SoapInsiClient(settings, transport, audit, clock, d -> {
        pauses.add(d);
        clock.advance(d);
    });

    private static TraitsQuery query() throws Exception {
        StrictTraits t = StrictTraits.check(TraitsInput.of("D'Artagnan de l'Hérault", "Pierre-Alain Jean", "M",
                "1950-03-15"), LocalDate.of(2026, 1, 1)).orThrow();
        return TraitsQuery.premierPrenom(t);
    }

    private InsiException failure() {
        return assertThrows(InsiException.class, () -> client.rechercherAvecTraits(CALLER, query()));
    }

    @Test
    void codeCr00MapsToOneIdentityWithHistoryAndTraits() throws Exception {
        transport.answer(200, CannedAnswers.one(CannedAnswers.NIR, "1.2.250.1.213.1.4.10",
                CannedAnswers.histo(CannedAnswers.OLD_NIR, "1.2.250.1.213.1.4.10", "1990-11-25", "2012-06-30")));
        InsiResult.OneIdentity one = assertInstanceOf(InsiResult.OneIdentity.class, client.rechercherAvecTraits(CALLER, query()));
        assertEquals(CannedAnswers.NIR, one.matricule().value());
        assertEquals(InsOid.INS_NIR_TEST, one.oid());
        assertEquals(1, one.history().size());
        assertEquals(CannedAnswers.OLD_NIR, one.history().get(0).matricule().value());
        assertEquals(LocalDate.of(2012, 6, 30), one.history().get(0).validTo().orElseThrow());
        assertEquals("D'ARTAGNAN DE L'HERAULT", one.traits().nomNaissance());
        assertEquals("32013", one.traits().lieu().orElseThrow());
    }

    @Test
    void niaIsReturnedWithItsOwnOid() throws Exception {
        transport.answer(200, CannedAnswers.one(CannedAnswers.NIA, "1.2.250.1.213.1.4.9", ""));
        assertEquals(InsOid.INS_NIA, client.rechercherAvecTraits(CALLER, query()).requireOne().oid());
    }

    @Test
    void codeCr01And02MapToNoneAndSeveralWithoutRetry() throws Exception {
        transport.answer(200, CannedAnswers.code("01")).answer(200, CannedAnswers.code("02"));
        assertInstanceOf(InsiResult.NoIdentity.class, client.rechercherAvecTraits(CALLER, query()));
        InsiResult several = client.rechercherAvecTraits(CALLER, query());
        assertEquals(InsiError.INSI_SEVERAL_MATCHES, assertThrows(InsiException.class, several::requireOne).error());
        assertEquals(2, transport.requests.size());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void requestCarriesAddressingBamAndLpsHeadersAndEscapedTraits() throws Exception {
        transport.answer(200, CannedAnswers.code("01"));
        client.rechercherAvecTraits(CALLER, query());
        String sent = new String(transport.requests.get(0), StandardCharsets.UTF_8);
        assertEquals("urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite", transport.actions.get(0));
        assertTrue(sent.contains("<ctxbam:ContexteBAM Version=\"01_02\">"), sent);
        assertTrue(sent.contains("Nature=\"CTXLPS\" Version=\"01_00\""), sent);
        assertTrue(sent.contains("<ctxlps:IDAM R=\"4\">IDAM-1</ctxlps:IDAM>"), sent);
        assertTrue(sent.contains("<ctxlps:Nom>urn:lps:vigie:0.1.0</ctxlps:Nom>"), sent);
        assertTrue(sent.contains("<wsa:MessageID>uuid:"), sent);
        assertTrue(sent.contains("<req:NomNaissance>D'ARTAGNAN DE L'HERAULT</req:NomNaissance>")
                || sent.contains("<req:NomNaissance>D&apos;ARTAGNAN DE L&apos;HERAULT</req:NomNaissance>"), sent);
        assertTrue(sent.contains("<req:Prenom>PIERRE-ALAIN</req:Prenom>"), sent);
        new SafeXml(8192).parse(transport.requests.get(0));
    }

    @Test
    void authenticationFaultMapsToItsCodeAndKeepsServiceCodes() {
        transport.answer(400, CannedAnswers.fault("Sender", "siram_100", "desir_560"));
        InsiException e = failure();
        assertEquals(InsiError.INSI_FAULT_AUTHENTICATION, e.error());
        assertEquals("siram_100", e.faultSubcode().orElseThrow());
        assertEquals("desir_560", e.faultDetail().orElseThrow());
        assertEquals(1, transport.requests.size());
    }

    @Test
    void unlistedSenderFaultIsAnInvalidRequestAndReceiverFaultAServiceFailureNeitherRetried() {
        transport.answer(400, CannedAnswers.fault("Sender", "siram_77", "insi_902"))
                .answer(500, CannedAnswers.fault("Receiver", "siram_99", "desir_500"));
        InsiException sender = failure();
        assertEquals(InsiError.INSI_FAULT_REQUEST_INVALID, sender.error());
        assertEquals("insi_902", sender.faultDetail().orElseThrow());
        assertEquals(InsiError.INSI_FAULT_SERVICE, failure().error());
        assertEquals(2, transport.requests.size());
    }

    @Test
    void http500WithoutSoapIsRetriedWithDoublingBackoffThenUnavailable() {
        byte[] html = "<html>oops</html>".getBytes(StandardCharsets.US_ASCII);
        transport.answer(500, html).answer(502, html).answer(503, html);
        InsiException e = failure();
        assertEquals(InsiError.INSI_UNAVAILABLE, e.error());
        assertEquals(3, transport.requests.size());
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400)), pauses);
        assertEquals(3, audit.last().attempts());
        assertEquals("INSI_UNAVAILABLE", audit.last().outcome());
        assertFalse(audit.last().duration().compareTo(Duration.ofMillis(600)) < 0);
    }

    @Test
    void transportFailureThenAnswerSucceedsOnRetry() throws Exception {
        transport.fail(new java.net.ConnectException("refused")).answer(200, CannedAnswers.code("01"));
        assertInstanceOf(InsiResult.NoIdentity.class, client.rechercherAvecTraits(CALLER, query()));
        assertEquals(2, audit.last().attempts());
        assertEquals(List.of(Duration.ofMillis(200)), pauses);
    }

    @Test
    void repeatedTimeoutsEndInInsiTimeout() {
        transport.fail(new HttpTimeoutException("t")).fail(new HttpTimeoutException("t")).fail(new HttpTimeoutException("t"));
        assertEquals(InsiError.INSI_TIMEOUT, failure().error());
    }

    @Test
    void refusedTlsHandshakeIsNotRetried() {
        transport.fail(new SSLHandshakeException("bad_certificate"));
        assertEquals(InsiError.INSI_TLS_REFUSED, failure().error());
        assertEquals(1, transport.requests.size());
    }

    @Test
    void hostileAnswersAreRefusedWithTheirCodeAndNotRetried() {
        transport.answer(200, CannedAnswers.XXE.getBytes(StandardCharsets.UTF_8))
                .answer(200, CannedAnswers.billionLaughs().getBytes(StandardCharsets.UTF_8))
                .answer(200, new byte[20_000])
                .answerWithoutLength(200, new byte[20_000]);
        assertEquals(InsiError.INSI_XML_FORBIDDEN, failure().error());
        assertEquals(InsiError.INSI_XML_FORBIDDEN, failure().error());
        assertEquals(InsiError.INSI_RESPONSE_TOO_LARGE, failure().error());
        assertEquals(InsiError.INSI_RESPONSE_TOO_LARGE, failure().error());
        assertEquals(4, transport.requests.size());
    }

    @Test
    void answersOutsideTheSchemaOrWithBadMatriculesAreMalformed() {
        transport.answer(200, CannedAnswers.code("07"))
                .answer(200, CannedAnswers.one("290133306310159", "1.2.250.1.213.1.4.10", "")) // month 13
                .answer(200, CannedAnswers.one(CannedAnswers.NIR, "1.2.3.4", ""))
                .answer(200, CannedAnswers.envelope("<r:RESULTAT xmlns:r=\"http://www.cnamts.fr/INSiResultat\"><r:CR>"
                        + "<r:CodeCR>00</r:CodeCR></r:CR></r:RESULTAT>"))
                .answer(200, "not xml".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 5; i++) {
            assertEquals(InsiError.INSI_MALFORMED_RESPONSE, failure().error(), "answer " + i);
        }
    }

    @Test
    void everyCallIsAuditedWithCallerRecordQuerySentAndMaskedInsOnly() throws Exception {
        transport.answer(200, CannedAnswers.one(CannedAnswers.NIR, "1.2.250.1.213.1.4.10", ""));
        client.rechercherAvecTraits(CALLER, query());
        InsiAuditEntry entry = audit.last();
        assertEquals("agent-7", entry.caller().agent());
        assertEquals("chu-nord/accueil-1", entry.caller().kiosk());
        assertEquals(42L, entry.caller().recordId());
        assertEquals(InsiOperation.RECHERCHER_AVEC_TRAITS, entry.operation());
        assertEquals(InsiSearch.PrenomSent.PREMIER_PRENOM, entry.query());
        assertEquals("PIERRE-ALAIN", entry.sent().get("Prenom"));
        assertEquals("D'ARTAGNAN DE L'HERAULT", entry.sent().get("NomNaissance"));
        assertEquals("00", entry.outcome());
        assertTrue(entry.matched());
        assertEquals("2************59", entry.maskedIns());
        assertFalse(entry.message().contains(CannedAnswers.NIR), entry.message());
        assertTrue(entry.messageId().startsWith("uuid:"));
    }

    @Test
    void aVitaleCallIsAuditedWithItsMatriculesMasked() throws Exception {
        transport.answer(200, CannedAnswers.code("01"));
        InsMatricule card = InsMatricule.parse(CannedAnswers.NIR);
        client.rechercherAvecCarteVitale(CALLER, new VitaleQuery(card, card, "LEGRAND", BirthDate.parse("1990-11-20"), 1));
        InsiAuditEntry entry = audit.last();
        assertEquals(InsiSearch.PrenomSent.VITALE, entry.query());
        assertEquals("2************59", entry.sent().get("MatriculeIndividu"));
        assertEquals("2************59", entry.sent().get("MatriculeOD"));
        assertFalse(entry.sent().toString().contains(CannedAnswers.NIR.substring(0, 13)), entry.sent().toString());
        assertFalse(entry.matched());
    }

    @Test
    void schemaRefusalOfAMatriculeDoesNotRepeatItsDigits() {
        transport.answer(200, CannedAnswers.one("29011330631X159", "1.2.250.1.213.1.4.10", ""));
        InsiException e = failure();
        assertEquals(InsiError.INSI_MALFORMED_RESPONSE, e.error());
        assertFalse(e.getMessage().contains("2901133063"), e.getMessage());
        assertEquals(null, e.getCause());
    }
}
