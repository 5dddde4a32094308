package fr.vigie.system.admission;

import static fr.vigie.hub.HubServicesFixture.auditLog;
import static fr.vigie.hub.HubServicesFixture.provenAgents;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.barcode.BarcodeFormat;
import fr.vigie.hardware.barcode.InsDataMatrix;
import fr.vigie.hardware.barcode.PayloadClassifier;
import fr.vigie.hardware.barcode.ScanSource;
import fr.vigie.hardware.barcode.ScannedCode;
import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.card.VitaleBeneficiary;
import fr.vigie.hardware.card.VitaleBirthDate;
import fr.vigie.hardware.card.VitaleCard;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.hardware.sim.card.VirtualVitaleCard;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.identity.Adoption;
import fr.vigie.hub.identity.RnivRequest;
import fr.vigie.hub.agent.AgentBinding;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.hub.audit.AuditRecord;
import fr.vigie.hub.device.DeviceRole;
import fr.vigie.hub.sandbox.apcv.ApcvIssuer;
import fr.vigie.hub.sandbox.insi.InsiSimulator;
import fr.vigie.hub.sandbox.insi.SimulatorBehaviour;
import fr.vigie.kiosk.admission.AdmissionClient;
import fr.vigie.kiosk.admission.AdmissionDesk;
import fr.vigie.kiosk.admission.AdmissionFailure;
import fr.vigie.kiosk.admission.Admitted;
import fr.vigie.kiosk.admission.AgentProof;
import fr.vigie.kiosk.admission.HubAgentClient;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.kiosk.outbox.Outbox;
import fr.vigie.kiosk.outbox.Pending;
import fr.vigie.kiosk.outbox.SyncLevel;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.CertificateCheck;
import fr.vigie.kiosk.session.CpsCardAuthenticator;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.session.PresentedCard;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.session.SessionTimeouts;
import fr.vigie.kiosk.session.SessionTimers;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.AdmissionApi;
import fr.vigie.protocol.device.AdmissionError;
import fr.vigie.protocol.device.AgentError;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.DocumentRequest;
import fr.vigie.protocol.device.ProofMethod;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.hub.identity.rniv.RnivAction;
import fr.vigie.hub.sandbox.SandboxHub;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.system.DeviceApiProbe;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admission from the kiosk to the hub's identity registry, every part real but the national services:
 * an agent signs in with a virtual CPS card (PIN to the card, challenge-response) issued by the sandbox
 * hub's test IGC-Santé, the kiosk proves that agent to the hub (the card signs a hub nonce through
 * {@code javax.smartcardio}, the hub checks the certificate against its IGC-Santé anchors and CRLs), a
 * virtual Vitale card is read through the PC/SC layer, the kiosk's {@link AdmissionDesk} calls the hub's
 * device API over mutual TLS with its device certificate, the hub asks the INSi simulator over mutual TLS
 * (INSI-AUTO) and records the identity in PostgreSQL, naming the agent it proved.
 */
class AdmissionKioskToHubIT {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "accueil-1");
    private static final KioskAddress WORKSTATION = KioskAddress.of("chu-nord", "soins-3");
    private static final String PIN = "4821";

    @TempDir
    static Path dir;
    static SandboxHub sandboxHub;
    static EdgeHub hub;
    static InsiSimulator insi;
    static ApcvIssuer apcv;
    static DeviceIdentity kiosk;
    static HubApi hubApi;
    static HubApi workstationApi;
    static TestIgcSante hubIgc;
    static CertificateCheck kioskCheck;
    static CpsCredential agent;
    static ScheduledExecutorService scheduler;

    private final VirtualReaders readers = new VirtualReaders("Agent", "Patient");
    private ClinicianSession session;
    private Outbox outbox;
    private AgentProof proof;
    private AdmissionDesk desk;

    @BeforeAll
    static void startHub() throws Exception {
        sandboxHub = SandboxHub.start(Map.of(HubConfig.DATA_DIR, dir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubPkiConfig.SITE, "chu-nord",
                HubPkiConfig.DEVICE_API_PORT, "0"), CLOCK);
        hub = sandboxHub.hub();
        insi = sandboxHub.sandbox().insi().simulator();
        apcv = sandboxHub.sandbox().apcv();
        kiosk = DeviceIdentity.openOrCreate(dir.resolve("kiosk"), KIOSK, "store".toCharArray(), CLOCK);
        hub.siteCa().enrolInProcess(kiosk);
        hubApi = HubApi.forDevice(hub.deviceApiUri(), kiosk);
        DeviceIdentity other = DeviceIdentity.openOrCreate(dir.resolve("other"), WORKSTATION, "store".toCharArray(),
                CLOCK);
        hub.siteCa().enrolInProcess(other);
        workstationApi = HubApi.forDevice(hub.deviceApiUri(), other);
        provenAgents(hub).roles().set(KIOSK, DeviceRole.ADMISSION_DESK, "it-test");
        // the agent's card comes from the hub's own (sandbox) IGC-Santé, as a real card from the real one
        hubIgc = TestIgcSante.over(sandboxHub.sandbox().igcSante().ca(), new SecureRandom());
        agent = hubIgc.issuePersonne("810001234565", "LEROY", "Anne");
        kioskCheck = SandboxCards.certificateCheck(hubIgc, CLOCK);
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stop() {
        scheduler.shutdownNow();
        if (sandboxHub != null) {
            sandboxHub.close();
        }
    }

    @BeforeEach
    void deskWithASignedInAgent() throws Exception {
        insi.behave(SimulatorBehaviour.NORMAL);
        session = ClinicianSession.builder(new SessionTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofMinutes(15)), t -> { })
                .timers(SessionTimers.of(scheduler)).build();
        outbox = Outbox.open(dir.resolve("outbox-" + System.nanoTime() + ".db"), KIOSK, 1000, SyncLevel.NORMAL, CLOCK);
        proof = AgentProof.start(session, new HubAgentClient(hubApi), sessionId -> Optional.empty(), CLOCK);
        desk = new AdmissionDesk(session, new AdmissionClient(hubApi, CLOCK), proof, outbox::accept,
                PayloadClassifier.standard(CLOCK), CLOCK);
        signIn(agent);
    }

    @AfterEach
    void stopProving() {
        proof.close();
    }

    /** The agent's virtual card in the contact reader, PIN typed: the session opens, then the kiosk proves the agent. */
    private void signIn(CpsCredential who) throws Exception {
        readers.insert("Agent", VirtualCpsCard.builder(who).pin(PIN).build());
        CpsCard cps = CpsCard.open(readers.open().getTerminal("Agent").connect("*"), null);
        session.cardInserted(new PresentedCard(cps.holder(), PresentedCard.Interface.CONTACT,
                new CpsCardAuthenticator(cps, kioskCheck, new SecureRandom())));
        assertEquals(SessionState.OPEN, session.submitPin(PIN.toCharArray()));
    }

    private static List<AuditRecord> audit(String action) throws Exception {
        return auditLog(hub).find(new AuditQuery(null, action, null, null, null, 0, 1000)).entries();
    }

    private static ScannedCode qr(String text) {
        return new ScannedCode(BarcodeFormat.QR_CODE, text, ScanSource.SIMULATED);
    }

    @Test
    void vitaleCardThenPassportQualifiesAndPrintsTheInsDataMatrix() throws Exception {
        VitaleBeneficiary legrand = new VitaleBeneficiary(Optional.of("290113306308773"), "Legrand", "Sophie",
                new VitaleBirthDate(1990, 11, 20), 1);
        readers.insert("Patient", new VirtualVitaleCard(List.of(legrand)));
        VitaleCard.Content card = VitaleCard.open(readers.open().getTerminal("Patient").connect("*"), null).read();

        assertEquals(1, desk.vitaleRead(card).size());
        Admitted recup = desk.chooseBeneficiary(0);

        assertEquals(RnivStatus.RECUP, recup.status());
        assertEquals(Optional.empty(), recup.matricule(), "the full INS only travels once qualified");
        assertEquals(AdmissionFailure.NOT_QUALIFIED, assertThrows(AdmissionFailure.class, desk::dataMatrixSvg).code());

        Admitted qual = desk.documentChecked(HighTrustDocument.PASSPORT);

        assertEquals(RnivStatus.QUAL, qual.status());
        assertEquals("290113306310159", qual.matricule().orElseThrow(), "INSi's active INS, not the card's former one");
        assertEquals(RnivStatus.QUAL, hub.identities().find(qual.recordId()).orElseThrow().state().status());
        assertTrue(desk.dataMatrixSvg().contains("<svg"));
        InsDataMatrix dm = InsDataMatrix.encode(fr.vigie.protocol.identity.InsMatricule.parse(qual.matricule().get()),
                qual.oid().orElseThrow(), qual.traits(), qual.status());
        assertEquals("LEGRAND", InsDataMatrix.parse(dm.text(), LocalDate.now(CLOCK)).traits().nomNaissance());
    }

    @Test
    void typedTraitsGoPremierPrenomThenFullListAndEveryOutcomeHasItsCode() throws Exception {
        Admitted found = desk.typed(TraitsInput.of("D'Artagnan de l'Hérault", "Pierre-Alain Jean", "M", "1950-03-15"));
        assertEquals(List.of("PREMIER_PRENOM:02", "FULL_LIST:00"), found.insiSteps());
        assertEquals(RnivStatus.RECUP, found.status());

        assertEquals("INSI_SEVERAL_MATCHES", assertThrows(AdmissionFailure.class,
                () -> desk.typed(TraitsInput.of("Martin", "Jean", "M", "1975-03-03"))).code());
        assertEquals("INSI_NO_MATCH", assertThrows(AdmissionFailure.class,
                () -> desk.typed(TraitsInput.of("Personne", "Nul", "F", "1902-02-02"))).code());

        int calls = insi.requestsReceived();
        AdmissionFailure bad = assertThrows(AdmissionFailure.class,
                () -> desk.typed(TraitsInput.of("Cœur", "Æmilie", "F", "1990-01-01")));
        assertEquals(AdmissionFailure.TRAITS_INVALID, bad.code());
        assertEquals(2, bad.traitRejections().size());
        assertEquals(calls, insi.requestsReceived(), "refused traits never leave the kiosk");

        insi.behave(SimulatorBehaviour.HTTP_500);
        assertEquals("INSI_UNAVAILABLE", assertThrows(AdmissionFailure.class,
                () -> desk.typed(TraitsInput.of("Dupont", "Marie Claire", "F", "1980-05-12"))).code());
    }

    @Test
    void apcvQrQualifiesWithoutInsiAndForgedExpiredOrReplayedTokensAreRefused() throws Exception {
        ApcvIssuer.Identity nguyen = new ApcvIssuer.Identity("285079924351219", "1.2.250.1.213.1.4.9", "NGUYEN",
                "THI LAN", "F", "1985-07-14", "99243");
        String token = apcv.issue(nguyen, "chu-nord", Duration.ofMinutes(2));
        int calls = insi.requestsReceived();

        Admitted qual = desk.scanned(qr(token));

        assertEquals(RnivStatus.QUAL, qual.status());
        assertEquals(calls, insi.requestsReceived());
        assertEquals("APCV_REPLAYED", assertThrows(AdmissionFailure.class, () -> desk.scanned(qr(token))).code());
        Instant past = Instant.now().minus(Duration.ofHours(1));
        assertEquals("APCV_EXPIRED", assertThrows(AdmissionFailure.class, () -> desk.scanned(qr(apcv.sign(nguyen,
                "chu-nord", past, past.plusSeconds(120), "old-1")))).code());
        assertEquals("APCV_UNKNOWN_KEY", assertThrows(AdmissionFailure.class, () -> desk.scanned(qr(
                ApcvIssuer.generate(CLOCK).issue(nguyen, "chu-nord", Duration.ofMinutes(2))))).code());
        assertEquals("APCV_WRONG_AUDIENCE", assertThrows(AdmissionFailure.class, () -> desk.scanned(qr(apcv.issue(
                nguyen, "chu-sud", Duration.ofMinutes(2))))).code());
        assertEquals("APCV_MALFORMED", assertThrows(AdmissionFailure.class,
                () -> desk.scanned(qr(token.substring(0, token.lastIndexOf('.'))))).code(), "a truncated token");
    }

    @Test
    void anEPrescriptionIsAttachedToThePatientsVisitThroughTheOutboxByRecordId() throws Exception {
        assertEquals(AdmissionFailure.NO_PATIENT, assertThrows(AdmissionFailure.class,
                () -> desk.scanned(qr("ORDO:RX24-AB00-1234-5678"))).code());
        Admitted patient = desk.typed(TraitsInput.of("Casanova", "Anna", "F", "1997-02-08"));

        desk.scanned(qr("ORDO:RX24-AB00-1234-5678"));

        List<Pending> pending = outbox.pending(0, 10);
        assertEquals(1, pending.size());
        String json = new String(pending.get(0).json(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"recordId\":" + patient.recordId()), json);
        assertTrue(json.contains("RX24AB0012345678"), json);
        assertFalse(json.contains("297022A020778"), "events name the patient by record id, never by INS");
    }

    /**
     * Another agent coming in front clears the desk from the session's thread, under the session's lock, while a
     * step may hold the desk waiting for the session (the card signing the hub's nonce): moving on must not wait
     * for the desk, or the two would wait for each other forever.
     */
    @Test
    void theNextPatientNeverWaitsForABusyDeskAndTakesThePreviousPatientAway() throws Exception {
        desk.typed(TraitsInput.of("Casanova", "Anna", "F", "1997-02-08"));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = new Thread(() -> {
            synchronized (desk) {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        busy.start();
        try {
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            assertTimeoutPreemptively(Duration.ofSeconds(10), desk::nextPatient, "nextPatient waited for the busy desk");
        } finally {
            release.countDown();
            busy.join();
        }
        assertEquals(Optional.empty(), desk.patient());
        assertEquals(AdmissionFailure.NO_PATIENT, assertThrows(AdmissionFailure.class,
                () -> desk.scanned(qr("ORDO:RX24-AB00-1234-5678"))).code());
    }

    @Test
    void mislabelledOrUnknownCodesAreRefusedWithTheirCode() {
        String insInQr = InsDataMatrix.HEADER + "S1297022A02077878";
        assertEquals("BARCODE_MISLABELLED", assertThrows(AdmissionFailure.class, () -> desk.scanned(qr(insInQr))).code());
        assertEquals(AdmissionFailure.BARCODE_UNKNOWN, assertThrows(AdmissionFailure.class,
                () -> desk.scanned(qr("https://example.org/"))).code());
    }

    @Test
    void theDeviceRoutesRefuseAClaimedAgentABadBodyAndAnUnknownRecordWithTheirCodes() throws Exception {
        proof.require();
        DeviceApiProbe.Refused claimed = DeviceApiProbe.post(hub.deviceApiUri(), kiosk, AdmissionApi.TRAITS,
                "{\"agent\":\"810001234565\",\"nomNaissance\":\"X\"}");
        assertEquals(400, claimed.status());
        assertEquals(AgentError.AGENT_CLAIM_REFUSED, claimed.refusal().error(), "even the proven agent's own id is refused");
        DeviceApiProbe.Refused body = DeviceApiProbe.post(hub.deviceApiUri(), kiosk, AdmissionApi.APCV,
                "[\"not\", \"an\", \"object\"]");
        assertEquals(DeviceApiError.BAD_REQUEST, body.refusal().error());
        HubApiException unknown = assertThrows(HubApiException.class,
                () -> hubApi.call(AdmissionApi.DOCUMENT, new DocumentRequest("PASSPORT"), "999999"));
        assertEquals(404, unknown.status());
        assertEquals(AdmissionError.IDENTITY_NOT_FOUND, unknown.error());
        HubApiException vitale = assertThrows(HubApiException.class,
                () -> hubApi.call(AdmissionApi.DOCUMENT, new DocumentRequest("CARTE_VITALE"), "999999"));
        assertEquals(AdmissionError.RNIV_NOT_A_HIGH_TRUST_DOCUMENT, vitale.error());
    }

    @Test
    void anAnswerForARecordOfAnotherPersonComesBackWithBothIdentitiesAndChangesNothing() throws Exception {
        // a record holds CORSE Anthony's INS, but the cell corrected its traits to another person's (CORSE is
        // searched by no other test here: the hub is shared by the class)
        long id = ((Adoption.Adopted) hub.identities().adopt(OptionalLong.empty(), TraitsInput.of("CORSE",
                "ANTHONY", "M", "1980-03-02").withLieuNaissance("2B020"), RnivRequest.withIns(RnivAction.of(
                RnivAction.Kind.INSI_RETRIEVED), InsMatricule.parse("180032B02040123"), InsOid.parse(
                "1.2.250.1.213.1.4.10"), "810001234565"))).saved().record().id();
        hub.identities().update(id, TraitsInput.of("Corse", "Paulette", "F", "1931-01-31"), "staff:cell");

        AdmissionFailure f = assertThrows(AdmissionFailure.class,
                () -> desk.typed(TraitsInput.of("Corse", "Anthony", "M", "1980-03-02")));

        assertTrue(f.is(AdmissionError.IDENTITY_MISMATCH));
        AdmissionFailure.Comparison c = f.comparison().orElseThrow();
        assertEquals(id, c.recordId());
        assertEquals("PAULETTE", c.rows().get(1).local());
        assertEquals("ANTHONY", c.rows().get(1).returned());
        assertEquals(List.of(false, true, true, true, true), c.rows().stream().map(AdmissionFailure.Row::differs).toList());
        assertEquals("1************23", c.returnedInsMasked());
        assertEquals("PAULETTE", hub.identities().find(id).orElseThrow().traits().listePrenomText(), "nothing changed");
        assertTrue(desk.patient().isEmpty(), "no patient was found");
    }

    @Test
    void nobodySignedInMeansNoAdmission() throws Exception {
        session.logout();

        assertEquals(AdmissionFailure.AGENT_NOT_SIGNED_IN, assertThrows(AdmissionFailure.class,
                () -> desk.typed(TraitsInput.of("Dupont", "Marie Claire", "F", "1980-05-12"))).code());
    }

    @Test
    void theCardSignsTheHubsNonceAndTheHubBindsTheAgentItsCertificateNames() throws Exception {
        assertEquals("810001234565", proof.require());

        AgentBinding bound = provenAgents(hub).current(KIOSK).orElseThrow();
        assertEquals(ProofMethod.CARD, bound.method());
        assertEquals(agent.certificate().getSerialNumber().toString(16), bound.certificateSerial().orElseThrow());
        assertEquals(session.sessionId().orElseThrow(), bound.kioskSessionId());
        Admitted a = desk.typed(TraitsInput.of("Dupont", "Marie Claire", "F", "1980-05-12"));
        assertEquals("810001234565", hub.identities().find(a.recordId()).orElseThrow().updatedBy(),
                "the hub records the agent it proved");
        assertTrue(audit("AGENT_BOUND").stream().anyMatch(e -> e.subject().equals("agent:810001234565")
                && e.actor().equals("kiosk:chu-nord/accueil-1") && "CARD".equals(e.details().get("method"))));
    }

    @Test
    void lockingDropsTheBindingOnTheHubAndSigningInAgainProvesAgain() throws Exception {
        proof.require();
        String first = session.sessionId().orElseThrow();

        readers.remove("Agent");
        session.cardRemoved();

        assertEquals(SessionState.LOCKED, session.state());
        await().atMost(Duration.ofSeconds(10)).until(() -> provenAgents(hub).current(KIOSK).isEmpty());
        HubApiException refused = assertThrows(HubApiException.class,
                () -> hubApi.call(AdmissionApi.DOCUMENT, new DocumentRequest("PASSPORT"), "999999"));
        assertEquals(403, refused.status());
        assertEquals(AgentError.AGENT_NOT_PROVEN, refused.error());
        assertTrue(audit("AGENT_UNBOUND").stream().anyMatch(e -> first.equals(e.details().get("kioskSessionId"))
                && "LOCKED".equals(e.details().get("reason"))));

        signIn(agent);

        await().atMost(Duration.ofSeconds(10)).until(() -> provenAgents(hub).current(KIOSK).isPresent());
        assertEquals(first, provenAgents(hub).current(KIOSK).orElseThrow().kioskSessionId(), "the unlocked session");
    }

    @Test
    void aCardRevokedSinceTheKioskLastFetchedCrlsIsRefusedByTheHub() throws Exception {
        session.logout();
        CpsCredential revoked = hubIgc.issuePersonne("810002345675", "MOREAU", "Paul");
        hubIgc.revoke(revoked);
        sandboxHub.sandbox().igcSante().writeCrls();   // published, where the hub's hub.igc-sante.crl-files reads it

        signIn(revoked);

        assertEquals(SessionState.OPEN, session.state(), "the kiosk's CRLs predate the revocation");
        AdmissionFailure refused = assertThrows(AdmissionFailure.class,
                () -> desk.typed(TraitsInput.of("Dupont", "Marie Claire", "F", "1980-05-12")));
        assertEquals("AGENT_CERT_REVOKED", refused.code());
        assertEquals("AGENT_CERT_REVOKED", proof.refusal().orElseThrow().code());
        assertTrue(provenAgents(hub).current(KIOSK).isEmpty());
    }

    @Test
    void aKioskTheHubDoesNotKnowAsAnAdmissionDeskCannotProveNorAdmit() throws Exception {
        AgentProof elsewhere = AgentProof.start(session, new HubAgentClient(workstationApi), s -> Optional.empty(), CLOCK);
        try {
            AdmissionDesk notADesk = new AdmissionDesk(session, new AdmissionClient(workstationApi, CLOCK), elsewhere,
                    outbox::accept, PayloadClassifier.standard(CLOCK), CLOCK);

            assertTrue(assertThrows(AdmissionFailure.class, () -> notADesk.typed(TraitsInput.of("Dupont",
                    "Marie Claire", "F", "1980-05-12"))).is(AgentError.NOT_AN_ADMISSION_DESK));
            HubApiException direct = assertThrows(HubApiException.class, () -> workstationApi.call(
                    AdmissionApi.DOCUMENT, new DocumentRequest("PASSPORT"), "999999"));
            assertEquals(403, direct.status());
            assertEquals(AgentError.NOT_AN_ADMISSION_DESK, direct.error());
        } finally {
            elsewhere.close();
        }
    }
}
