package fr.vigie.hub.sandbox.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.insi.InMemoryInsiAudit;
import fr.vigie.hub.insi.InsiCaller;
import fr.vigie.hub.insi.InsiError;
import fr.vigie.hub.insi.InsiException;
import fr.vigie.hub.insi.InsiResult;
import fr.vigie.hub.insi.InsiSearch;
import fr.vigie.hub.insi.InsiSettings;
import fr.vigie.hub.insi.SoapInsiClient;
import fr.vigie.hub.insi.TraitsQuery;
import fr.vigie.hub.insi.VitaleQuery;
import fr.vigie.protocol.identity.BirthDate;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway against the sandbox simulator over real mutual TLS on loopback, certificates from a test CA. */
class InsiGatewayIT {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final InsiCaller AGENT = new InsiCaller("agent-7", "chu-nord/accueil-1", 42L);
    private static SandboxPki pki;
    private static InsiSimulator sim;
    private final InMemoryInsiAudit audit = new InMemoryInsiAudit();
    private final List<Duration> pauses = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pki = SandboxPki.create("TEST", CLOCK);
        sim = InsiSimulator.start(InsiSimulator.Settings.loopback().withSlowDelay(Duration.ofSeconds(3)),
                SandboxPki.context(pki.server(), List.of(pki.root())), SandboxIdentities.builtIn());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void normal() {
        sim.behave(SimulatorBehaviour.NORMAL);
    }

    private InsiSettings settings() {
        return InsiSettings.defaults(sim.endpoint(), "10B0152872", "IDAM-TEST");
    }

    private SoapInsiClient client(SSLContext tls, InsiSettings settings) {
        return SoapInsiClient.overHttps(settings, tls, audit, CLOCK, pauses::add);
    }

    private SoapInsiClient establishment() {
        return client(SandboxPki.context(pki.establishment("INSI-AUTO"), List.of(pki.root())), settings());
    }

    private static StrictTraits traits(String nom, String prenoms, String sexe, String date, String lieu) throws Exception {
        TraitsInput in = TraitsInput.of(nom, prenoms, sexe, date);
        return StrictTraits.check(lieu == null ? in : in.withLieuNaissance(lieu), LocalDate.now(CLOCK)).orThrow();
    }

    private static StrictTraits dupont() throws Exception {
        return traits("Dupont", "Marie Claire", "F", "1980-05-12", null);
    }

    private InsiException refusal(SoapInsiClient client) {
        return assertThrows(InsiException.class, () -> client.rechercherAvecTraits(AGENT, TraitsQuery.premierPrenom(dupont())));
    }

    @Test
    void exactTraitsGive00WithTheActiveInsAndAnAuditEntry() throws Exception {
        InsiResult.OneIdentity one = establishment().rechercherAvecTraits(AGENT, TraitsQuery.premierPrenom(dupont())).requireOne();
        assertEquals("280057505612389", one.matricule().value());
        assertEquals(InsOid.INS_NIR_TEST, one.oid());
        assertEquals("MARIE CLAIRE", one.traits().listePrenom());
        assertEquals("00", audit.last().outcome());
        assertEquals(42L, audit.last().caller().recordId());
    }

    @Test
    void unknownPersonGives01() throws Exception {
        InsiResult r = establishment().rechercherAvecTraits(AGENT,
                TraitsQuery.premierPrenom(traits("Inconnu", "Paul", "M", "2001-01-01", null)));
        assertInstanceOf(InsiResult.NoIdentity.class, r);
    }

    @Test
    void twoMatchesGive02ThenTheBirthPlaceGives00() throws Exception {
        SoapInsiClient client = establishment();
        assertInstanceOf(InsiResult.SeveralIdentities.class,
                client.rechercherAvecTraits(AGENT, TraitsQuery.premierPrenom(traits("Martin", "Jean", "M", "1975-03-03", null))));
        InsiResult withPlace = client.rechercherAvecTraits(AGENT,
                TraitsQuery.premierPrenom(traits("Martin", "Jean", "M", "1975-03-03", "69123")));
        assertEquals("175036912304537", withPlace.requireOne().matricule().value());
    }

    @Test
    void identityWithHistoryReturnsItsFormerIns() throws Exception {
        InsiResult.OneIdentity one = establishment().rechercherAvecTraits(AGENT,
                TraitsQuery.premierPrenom(traits("Legrand", "Sophie", "F", "1990-11-20", null))).requireOne();
        assertEquals(1, one.history().size());
        assertEquals("290113306308773", one.history().get(0).matricule().value());
        assertEquals(LocalDate.of(1990, 11, 25), one.history().get(0).validFrom().orElseThrow());
    }

    @Test
    void niaIdentityComesWithTheNiaOid() throws Exception {
        InsiResult.OneIdentity one = establishment().rechercherAvecTraits(AGENT,
                TraitsQuery.premierPrenom(traits("Nguyen", "Thi Lan", "F", "1985-07-14", null))).requireOne();
        assertEquals(InsOid.INS_NIA, one.oid());
    }

    @Test
    void cndaNamesFindTheOneByFullListAfterPremierPrenomGives02() throws Exception {
        InsiSearch.Outcome o = new InsiSearch(establishment(), CLOCK).search(AGENT,
                TraitsInput.of("D'Artagnan de l'Hérault", "Pierre-Alain Louis", "M", "1950-03-15"));
        assertEquals(List.of("02", "00"), o.steps().stream().map(InsiSearch.Step::codeCr).toList());
        assertEquals("150033201301265", o.result().requireOne().matricule().value());
        assertEquals(2, audit.entries().size());
    }

    @Test
    void vitaleSearchFindsTheBeneficiary() throws Exception {
        InsMatricule m = InsMatricule.parse("280057505612389");
        InsiResult r = establishment().rechercherAvecCarteVitale(AGENT,
                new VitaleQuery(m, m, "DUPONT", BirthDate.parse("1980-05-12"), 1));
        assertEquals(m, r.requireOne().matricule());
    }

    @Test
    void invalidCharactersSentRawGetTheSimulatorsInvalidRequestFault() throws Exception {
        String envelope = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/08/addressing\">"
                + "<s:Header><a:Action>urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite</a:Action>"
                + "<a:MessageID>uuid:1</a:MessageID><b:ContexteBAM xmlns:b=\"urn:siram:bam:ctxbam\" Version=\"01_02\"/>"
                + "<l:ContexteLPS xmlns:l=\"urn:siram:lps:ctxlps\" Nature=\"CTXLPS\" Version=\"01_00\"/></s:Header>"
                + "<s:Body><q:RECSANSVITALE xmlns:q=\"http://www.cnamts.fr/INSiRecSans\"><q:NomNaissance>CŒUR</q:NomNaissance>"
                + "<q:Prenom>ANNE</q:Prenom><q:Sexe>F</q:Sexe><q:DateNaissance>1980-01-01</q:DateNaissance>"
                + "</q:RECSANSVITALE></s:Body></s:Envelope>";
        HttpResponse<String> r = raw(envelope);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("siram_10") && r.body().contains("insi_902"), r.body());
        assertEquals("siram_10/insi_902", sim.calls().get(sim.calls().size() - 1).answered());
    }

    private static HttpResponse<String> raw(String envelope) throws Exception {
        HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(SandboxPki.context(pki.establishment("INSI-AUTO"), List.of(pki.root()))).build();
        return raw.send(HttpRequest.newBuilder(sim.endpoint()).header("Content-Type", "application/soap+xml;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String traitsEnvelope(String nom, String prenom, String sexe, String date) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/08/addressing\">"
                + "<s:Header><a:Action>urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite</a:Action>"
                + "<a:MessageID>uuid:2</a:MessageID><b:ContexteBAM xmlns:b=\"urn:siram:bam:ctxbam\" Version=\"01_02\"/>"
                + "<l:ContexteLPS xmlns:l=\"urn:siram:lps:ctxlps\" Nature=\"CTXLPS\" Version=\"01_00\"/></s:Header>"
                + "<s:Body><q:RECSANSVITALE xmlns:q=\"http://www.cnamts.fr/INSiRecSans\"><q:NomNaissance>" + nom
                + "</q:NomNaissance><q:Prenom>" + prenom + "</q:Prenom><q:Sexe>" + sexe + "</q:Sexe><q:DateNaissance>" + date
                + "</q:DateNaissance></q:RECSANSVITALE></s:Body></s:Envelope>";
    }

    @Test
    void theSimulatorAnswersInThePublishedShapeDatesFirstAndNoPrenom() throws Exception {
        String body = raw(traitsEnvelope("LEGRAND", "SOPHIE", "F", "1990-11-20")).body();
        String histo = body.substring(body.indexOf("INSHISTO>") + "INSHISTO>".length());
        assertTrue(histo.indexOf("DateDeb>") < histo.indexOf("IdIndividu>"), body);
        assertFalse(body.contains(":Prenom>"), "TIQ without Prenom: " + body);
        assertTrue(body.contains("ListePrenom>SOPHIE</"), body);

        String corse = raw(traitsEnvelope("CORSE", "ANTHONY", "M", "1980-03-02")).body();
        assertTrue(corse.contains(":Prenom>ANTHONY</") && corse.contains("180032B020401"), corse);
    }

    @Test
    void corsicanAndRepeatedHistoryAnswersAreReadThroughTheGateway() throws Exception {
        InsiResult.OneIdentity one = establishment().rechercherAvecTraits(AGENT,
                TraitsQuery.premierPrenom(traits("Corse", "Anthony", "M", "1980-03-02", null))).requireOne();
        assertEquals("180032B02040123", one.matricule().value());
        assertEquals(List.of(one.matricule()), one.history().stream().map(h -> h.matricule()).toList());
    }

    @Test
    void aTestIdentityWhoseKeyDoesNotVerifyComesBackAsSentAndFlagged() throws Exception {
        InsiResult r = establishment().rechercherAvecTraits(AGENT,
                TraitsQuery.premierPrenom(traits("Hermann", "Gatien", "M", "1981-03-24", null)));
        InsiResult.KeyNotVerified odd = assertInstanceOf(InsiResult.KeyNotVerified.class, r);
        assertEquals("1************60", odd.activeMasked());
        assertEquals(List.of("1************60", "2************10"), odd.notVerifying());
        assertEquals("INSI_KEY_NOT_VERIFIED", audit.last().warning());
    }

    @Test
    void serviceUnavailableFromTheSimulatorIsRetriedThenUnavailable() {
        sim.faultNext(SimulatedFault.SERVICE_UNAVAILABLE, 3);
        int before = sim.calls().size();
        InsiException e = refusal(establishment());
        assertEquals(InsiError.INSI_UNAVAILABLE, e.error());
        assertEquals("insi_102", e.faultDetail().orElseThrow());
        List<SimulatorCall> calls = sim.calls().subList(before, sim.calls().size());
        assertEquals(List.of("siram_40/insi_102", "siram_40/insi_102", "siram_40/insi_102"),
                calls.stream().map(SimulatorCall::answered).toList());
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400)), pauses);
    }

    @Test
    void aTransientUnavailabilityIsOvercomeByTheRetry() throws Exception {
        sim.faultNext(SimulatedFault.SERVICE_UNAVAILABLE, 1);
        InsiResult.OneIdentity one = establishment().rechercherAvecTraits(AGENT, TraitsQuery.premierPrenom(dupont()))
                .requireOne();
        assertEquals("280057505612389", one.matricule().value());
        assertEquals(2, audit.last().attempts());
        List<SimulatorCall> calls = sim.calls();
        assertEquals(List.of("siram_40/insi_102", "00"), calls.subList(calls.size() - 2, calls.size()).stream()
                .map(SimulatorCall::answered).toList());
    }

    @Test
    void authenticationFaultsFromTheSimulatorAreNotRetried() {
        for (SimulatedFault f : List.of(SimulatedFault.UNKNOWN_AUTHORISATION, SimulatedFault.ACCESS_LEVEL_INSUFFICIENT)) {
            sim.faultNext(f, 5);
            int before = sim.requestsReceived();
            InsiException e = refusal(establishment());
            assertEquals(InsiError.INSI_FAULT_AUTHENTICATION, e.error(), f.name());
            assertEquals(1, sim.requestsReceived() - before, f.name());
            assertEquals(f.codes(), e.faultSubcode().orElseThrow() + "/" + e.faultDetail().orElseThrow());
        }
        assertTrue(pauses.isEmpty());
    }

    @Test
    void theCallLogShowsWhatEachCallAsked() throws Exception {
        int before = sim.calls().size();
        new InsiSearch(establishment(), CLOCK).search(AGENT,
                TraitsInput.of("D'Artagnan de l'Hérault", "Pierre-Alain Jean", "M", "1950-03-15"));
        List<SimulatorCall> calls = sim.calls().subList(before, sim.calls().size());
        assertEquals(List.of("PIERRE-ALAIN", "PIERRE-ALAIN JEAN"), calls.stream().map(c -> c.field("Prenom").orElseThrow())
                .toList());
        assertEquals(List.of("02", "00"), calls.stream().map(SimulatorCall::answered).toList());
        assertEquals("INSI-AUTO", calls.get(0).clientCn());
        assertFalse(calls.get(0).toString().contains("ARTAGNAN"), calls.get(0).toString());
    }

    /**
     * Refused in the TLS handshake, so the service never sees a request. Under TLS 1.3 the server's
     * alert comes after the client's Finished and the JDK client reports a connection closed without
     * an answer (INSI_UNAVAILABLE); under TLS 1.2 it is a handshake failure (INSI_TLS_REFUSED).
     */
    private void assertRefusedInHandshake(SSLContext tls) {
        int before = sim.requestsReceived();
        InsiException e = refusal(client(tls, settings().withRetries(1, Duration.ZERO)));
        assertTrue(e.error() == InsiError.INSI_TLS_REFUSED || e.error() == InsiError.INSI_UNAVAILABLE, e.toString());
        assertEquals(before, sim.requestsReceived());
        assertEquals(e.error().name(), audit.last().outcome());
    }

    @Test
    void clientWithoutCertificateIsRefused() {
        assertRefusedInHandshake(SandboxPki.context(null, List.of(pki.root())));
    }

    @Test
    void certificateFromForeignCaIsRefused() {
        SandboxPki foreign = SandboxPki.create("FOREIGN", CLOCK);
        assertRefusedInHandshake(SandboxPki.context(foreign.establishment("INSI-AUTO"), List.of(pki.root())));
    }

    @Test
    void serverFromAnotherCaIsRefusedByTheClient() {
        SandboxPki foreign = SandboxPki.create("FOREIGN", CLOCK);
        InsiException e = refusal(client(SandboxPki.context(pki.establishment("INSI-AUTO"), List.of(foreign.root())),
                settings()));
        assertEquals(InsiError.INSI_TLS_REFUSED, e.error(), e.toString());
        assertEquals(1, audit.last().attempts());
    }

    @Test
    void certificateWithWrongCnGetsDesir560AndIsNotRetried() {
        int before = sim.requestsReceived();
        InsiException e = refusal(client(SandboxPki.context(pki.establishment("VIGIE-HUB"), List.of(pki.root())), settings()));
        assertEquals(InsiError.INSI_FAULT_AUTHENTICATION, e.error());
        assertEquals("desir_560", e.faultDetail().orElseThrow());
        assertEquals(1, sim.requestsReceived() - before);
        assertEquals("VIGIE-HUB", sim.calls().get(sim.calls().size() - 1).clientCn());
    }

    @Test
    void http500IsRetriedAThirdTimeThenUnavailable() {
        sim.behave(SimulatorBehaviour.HTTP_500);
        int before = sim.requestsReceived();
        InsiException e = refusal(establishment());
        assertEquals(InsiError.INSI_UNAVAILABLE, e.error());
        assertEquals(3, sim.requestsReceived() - before);
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400)), pauses);
    }

    @Test
    void hostileAnswersAreRefusedWithAReason() {
        SoapInsiClient client = establishment();
        sim.behave(SimulatorBehaviour.XXE_BODY);
        assertEquals(InsiError.INSI_XML_FORBIDDEN, refusal(client).error());
        sim.behave(SimulatorBehaviour.ENTITY_EXPANSION_BODY);
        assertEquals(InsiError.INSI_XML_FORBIDDEN, refusal(client).error());
        sim.behave(SimulatorBehaviour.OVERSIZED_BODY);
        assertEquals(InsiError.INSI_RESPONSE_TOO_LARGE, refusal(client).error());
        sim.behave(SimulatorBehaviour.NOT_XML_BODY);
        assertEquals(InsiError.INSI_MALFORMED_RESPONSE, refusal(client).error());
        sim.behave(SimulatorBehaviour.SCHEMA_VIOLATION);
        assertEquals(InsiError.INSI_MALFORMED_RESPONSE, refusal(client).error());
    }

    @Test
    void slowServiceEndsInTimeout() {
        sim.behave(SimulatorBehaviour.SLOW);
        InsiException e = refusal(client(SandboxPki.context(pki.establishment("INSI-AUTO"), List.of(pki.root())),
                settings().withCallTimeout(Duration.ofMillis(300)).withRetries(1, Duration.ZERO)));
        assertEquals(InsiError.INSI_TIMEOUT, e.error());
    }

    @Test
    void answerDrippedSlowerThanTheCallTimeoutEndsInTimeout() {
        sim.behave(SimulatorBehaviour.DRIP_BODY);
        InsiException e = refusal(client(SandboxPki.context(pki.establishment("INSI-AUTO"), List.of(pki.root())),
                settings().withCallTimeout(Duration.ofMillis(300)).withRetries(1, Duration.ZERO)));
        assertEquals(InsiError.INSI_TIMEOUT, e.error());
    }

    @Test
    void underTls12AMissingCertificateFailsTheHandshakeAndIsNotRetried() throws Exception {
        try (InsiSimulator tls12 = InsiSimulator.start(InsiSimulator.Settings.loopback().withTlsProtocols("TLSv1.2"),
                SandboxPki.context(pki.server(), List.of(pki.root())), SandboxIdentities.builtIn())) {
            InsiSettings s = InsiSettings.defaults(tls12.endpoint(), "10B0152872", "IDAM-TEST");
            InsiException e = refusal(client(SandboxPki.context(null, List.of(pki.root())), s));
            assertEquals(InsiError.INSI_TLS_REFUSED, e.error(), e.toString());
            assertEquals(1, audit.last().attempts());
            assertEquals(0, tls12.requestsReceived());
        }
    }
}
