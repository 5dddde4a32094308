package fr.vigie.system.psc;

import static fr.vigie.hub.HubServicesFixture.kioskPsc;
import static fr.vigie.hub.HubServicesFixture.provenAgents;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.hub.audit.AuditRecord;
import fr.vigie.hub.broker.FreePort;
import fr.vigie.hub.sandbox.SandboxHub;
import fr.vigie.kiosk.admission.AgentProof;
import fr.vigie.kiosk.admission.HubAgentClient;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.kiosk.session.PscConnector;
import fr.vigie.kiosk.session.PscView;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.CibaApi;
import fr.vigie.protocol.device.CibaChannel;
import fr.vigie.protocol.device.CibaError;
import fr.vigie.protocol.device.CibaPhase;
import fr.vigie.protocol.device.CibaStartAnswer;
import fr.vigie.protocol.device.CibaStartRequest;
import fr.vigie.protocol.device.ProofMethod;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.system.DeviceApiProbe;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clinician sign-in with Pro Santé Connect end to end: a real hub (device API over mutual TLS, the
 * sandbox PSC, embedded PostgreSQL for the audit log), kiosks wired as the application wires them,
 * virtual CPS cards, and the sandbox's e-CPS phone page driven over HTTP.
 */
class PscSignInIT {
    static final String SITE = "chu-nord";
    static final CpsCredential DOCTOR = TestIgcSante.shared().issuePersonne("810099900010", "MARTIN", "CLAIRE");
    static final String NURSE = "810099900028";
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    static SandboxHub sandboxHub;
    static EdgeHub hub;
    static EcpsPhone phone;
    static DeviceIdentity kioskOneIdentity;
    static HubApi kioskOne;
    static HubApi kioskTwo;
    SignInKiosk kiosk;

    @BeforeAll
    static void startHub() throws Exception {
        sandboxHub = SandboxHub.start(Map.of(HubConfig.DATA_DIR, dir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubConfig.INGEST_ENABLED, "false",
                HubPkiConfig.SITE, SITE, HubPkiConfig.DEVICE_API_PORT, "0"), Clock.systemUTC());
        hub = sandboxHub.hub();
        phone = new EcpsPhone(sandboxHub.sandbox().phonePage());
        kioskOneIdentity = enrolled("kiosk-1");
        kioskOne = HubApi.forDevice(hub.deviceApiUri(), kioskOneIdentity);
        kioskTwo = HubApi.forDevice(hub.deviceApiUri(), enrolled("kiosk-2"));
    }

    static DeviceIdentity enrolled(String kioskId) throws Exception {
        DeviceIdentity id = DeviceIdentity.openOrCreate(dir.resolve(kioskId), KioskAddress.of(SITE, kioskId),
                "store".toCharArray(), Clock.systemUTC());
        hub.siteCa().enrolInProcess(id);
        return id;
    }

    @AfterAll
    static void stopHub() {
        if (sandboxHub != null) {
            sandboxHub.close();
        }
    }

    @AfterEach
    void stopKiosk() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    private String sessionId() {
        return kiosk.session.sessionId().orElseThrow();
    }

    @Test
    void contactCpsOpensAtOnceThenCibaOnTheCardChannelConnectsItToPsc() throws Exception {
        kiosk = new SignInKiosk(kioskOne);
        kiosk.signInWithCard(DOCTOR);
        assertEquals(SessionState.OPEN, kiosk.session.state(), "the card and PIN open the session, PSC or not");
        String session = sessionId();

        await().atMost(WAIT).until(() -> phone.codeFor(DOCTOR.idNatPs(), "CARD").isPresent());
        assertEquals(303, phone.decide(DOCTOR.idNatPs(), "CARD", "approve", null));

        await().atMost(WAIT).until(() -> kiosk.session.psc().status() == PscView.Status.CONNECTED);
        PscView psc = kiosk.session.psc();
        assertEquals("MARTIN", psc.who().orElseThrow().familyName());
        assertTrue(psc.exerciceToChoose(), "the sandbox doctor has two exercices");
        assertTrue(kiosk.session.chooseExercice(1));
        assertTrue(kiosk.reasons(session).containsAll(List.of("PIN_OK", "PSC_CONNECTED", "EXERCICE_CHOSEN")));
        assertTrue(kiosk.last().exercice().contains("MARTIN-LEROY"));
        assertTrue(kioskPsc(hub).ciba().orElseThrow().tokensOf(KioskAddress.of(SITE, "kiosk-1"), session)
                .isPresent(), "the tokens stay on the hub, bound to this kiosk session");
        assertFalse(kiosk.events.toString().toLowerCase().contains("token"), "no token in any event");
    }

    @Test
    void ecpsOnlyOpensTheSessionWhenThePhoneApprovesTheSameCode() throws Exception {
        kiosk = new SignInKiosk(kioskOne);

        assertEquals(PscConnector.PhoneSignIn.STARTED, kiosk.psc.phoneSignIn(NURSE));

        await().atMost(WAIT).until(() -> kiosk.session.state() == SessionState.AWAITING_PHONE);
        String shown = kiosk.session.psc().bindingMessage().orElseThrow();
        assertEquals(Optional.of(shown), phone.codeFor(NURSE, "MOBILE"), "the phone shows the kiosk's code");
        assertEquals(303, phone.decide(NURSE, "MOBILE", "approve", null));

        await().atMost(WAIT).until(() -> kiosk.session.state() == SessionState.OPEN);
        assertEquals(List.of("ECPS_REQUESTED", "ECPS_BINDING", "ECPS_APPROVED"), kiosk.reasons(sessionId()));
        assertEquals("DUBOIS", kiosk.session.psc().who().orElseThrow().familyName());
        assertEquals(Optional.of(NURSE), kiosk.session.idNatPs());
    }

    @Test
    void anEcpsSignInBoundOnTheHubProvesTheAgentOfAnAdmissionDesk() throws Exception {
        KioskAddress desk = KioskAddress.of(SITE, "accueil-psc");
        HubApi api = HubApi.forDevice(hub.deviceApiUri(), enrolled(desk.kioskId()));
        provenAgents(hub).roles().set(desk, fr.vigie.hub.device.DeviceRole.ADMISSION_DESK, "it-test");
        kiosk = new SignInKiosk(api);
        try (AgentProof proof = AgentProof.start(kiosk.session, new HubAgentClient(api), kiosk.psc::requestId,
                Clock.systemUTC())) {
            kiosk.psc.phoneSignIn(NURSE);
            await().atMost(WAIT).until(() -> phone.codeFor(NURSE, "MOBILE").isPresent());
            assertEquals(303, phone.decide(NURSE, "MOBILE", "approve", null));

            await().atMost(WAIT).until(() -> provenAgents(hub).current(desk).isPresent());
            fr.vigie.hub.agent.AgentBinding bound = provenAgents(hub).current(desk).orElseThrow();
            assertEquals(NURSE, bound.agent().value());
            assertEquals(ProofMethod.PSC, bound.method());
            assertEquals(sessionId(), bound.kioskSessionId());
            assertEquals(NURSE, proof.require());

            kiosk.session.logout();
            await().atMost(WAIT).until(() -> provenAgents(hub).current(desk).isEmpty());
        }
    }

    @Test
    void refusalOnThePhoneRefusesTheSignInWithItsReason() throws Exception {
        kiosk = new SignInKiosk(kioskOne);
        kiosk.psc.phoneSignIn(NURSE);
        await().atMost(WAIT).until(() -> phone.codeFor(NURSE, "MOBILE").isPresent());

        assertEquals(303, phone.decide(NURSE, "MOBILE", "refuse", null));

        await().atMost(WAIT).until(() -> kiosk.session.state() == SessionState.REFUSED);
        assertEquals("ECPS_REFUSED", kiosk.last().reason());
        kiosk.session.dismiss();
        assertEquals(SessionState.IDLE, kiosk.session.state());
    }

    @Test
    void cardSwapWithTokensOfAnotherProfessionalIsRefusedAndAudited() throws Exception {
        kiosk = new SignInKiosk(kioskOne);
        kiosk.signInWithCard(DOCTOR);
        String session = sessionId();
        await().atMost(WAIT).until(() -> phone.codeFor(DOCTOR.idNatPs(), "CARD").isPresent());

        assertEquals(303, phone.decide(DOCTOR.idNatPs(), "CARD", "approve", NURSE), "the CPS app read the nurse's card");

        await().atMost(WAIT).until(() -> kiosk.session.state() == SessionState.REFUSED);
        assertEquals("PSC_SUBJECT_MISMATCH", kiosk.last().reason());
        assertEquals(Optional.empty(), kioskPsc(hub).ciba().orElseThrow()
                .tokensOf(KioskAddress.of(SITE, "kiosk-1"), session));
        List<AuditRecord> audit = new AuditLog(hub.dataSource(), Clock.systemUTC())
                .find(new AuditQuery(null, "PSC_BINDING_REFUSED", null, null, null, 0, 100)).entries();
        AuditRecord refused = audit.stream().filter(r -> session.equals(r.details().get("kioskSessionId")))
                .findFirst().orElseThrow();
        assertEquals("kiosk:chu-nord/kiosk-1", refused.subject());
        assertEquals(Map.of("kioskSessionId", session, "expected", DOCTOR.idNatPs(), "presented", NURSE,
                "code", "PSC_SUBJECT_MISMATCH"), refused.details());
        kiosk.removeCard();
        assertEquals(SessionState.IDLE, kiosk.session.state());
    }

    @Test
    void unreachableHubLeavesTheCardSessionOpenOffline() throws Exception {
        int closedPort = FreePort.onLoopback();
        kiosk = new SignInKiosk(HubApi.forDevice(URI.create("https://localhost:" + closedPort), enrolled("kiosk-3")));

        kiosk.signInWithCard(DOCTOR);

        await().atMost(WAIT).until(() -> kiosk.session.psc().status() == PscView.Status.OFFLINE);
        assertEquals(SessionState.OPEN, kiosk.session.state());
        assertEquals("PSC_OFFLINE", kiosk.last().reason());
    }

    @Test
    void aKioskCanOnlyPollItsOwnRequests() throws Exception {
        CibaStartAnswer started = kioskOne.call(CibaApi.START, new CibaStartRequest(NURSE, CibaChannel.MOBILE,
                "own-1"));
        String requestId = started.requestId();
        assertTrue(started.bindingMessage().matches("[0-9]{2}"));
        assertFalse(started.toString().contains("auth_req_id"));

        assertEquals(CibaPhase.PENDING, kioskOne.get(CibaApi.STATUS, requestId).status());
        HubApiException other = assertThrows(HubApiException.class, () -> kioskTwo.get(CibaApi.STATUS, requestId));
        assertEquals(404, other.status());
        assertEquals(CibaError.CIBA_REQUEST_UNKNOWN, other.error());
        assertEquals(303, phone.decide(NURSE, "MOBILE", "refuse", null));
    }

    @Test
    void badRequestsAreRejectedWithAStableCode() throws Exception {
        HubApiException badId = assertThrows(HubApiException.class, () -> kioskOne.call(CibaApi.START,
                new CibaStartRequest("810099900011", CibaChannel.CARD, "s")));
        assertEquals(400, badId.status());
        assertEquals(CibaError.CIBA_REQUEST_INVALID, badId.error());
        HubApiException unknown = assertThrows(HubApiException.class, () -> kioskOne.call(CibaApi.START,
                new CibaStartRequest("810099900036", CibaChannel.MOBILE, "s")));
        assertEquals(422, unknown.status());
        assertEquals(CibaError.PSC_REQUEST_REFUSED, unknown.error());
        DeviceApiProbe.Refused extra = DeviceApiProbe.post(hub.deviceApiUri(), kioskOneIdentity, CibaApi.START,
                "{\"idNatPs\":\"" + NURSE + "\",\"channel\":\"MOBILE\",\"kioskSessionId\":\"s\","
                        + "\"accessToken\":\"x\"}");
        assertEquals(400, extra.status());
        assertEquals(CibaError.CIBA_REQUEST_INVALID, extra.refusal().error());
    }
}
