package fr.vigie.hub.agent;

import static fr.vigie.hub.HubServicesFixture.auditLog;
import static fr.vigie.hub.HubServicesFixture.provenAgents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.hub.audit.AuditRecord;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.hub.testing.TestAgents;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.AdmissionApi;
import fr.vigie.protocol.device.AgentApi;
import fr.vigie.protocol.device.AgentError;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import fr.vigie.hardware.sim.igcsante.IgcSanteSandboxCa;
import fr.vigie.testing.MutableClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who acts is proven on the device API, for real: a hub (embedded PostgreSQL, no sandbox) that trusts an
 * IGC-Santé-like hierarchy through {@code hub.igc-sante.anchors} and its CRL file through
 * {@code hub.igc-sante.crl-files}, kiosks calling over mutual TLS with their device certificates, agents'
 * cards (RSA keys certified by that hierarchy) signing the hub's nonces, IT declaring desks through REST.
 */
class AgentProofIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock HUB_CLOCK = MutableClock.followingSystemTime();
    private static final MutableClock CA_CLOCK = MutableClock.followingSystemTime();
    private static final String SITE = "chu-nord";

    @TempDir
    static Path dir;
    static EdgeHub hub;
    static IgcSanteSandboxCa igc;
    static StaffClient it;
    static TestAgents.Card anne;
    static TestAgents.Card paul;
    static int kiosks;

    @BeforeAll
    static void start() throws Exception {
        igc = IgcSanteSandboxCa.create(CA_CLOCK, new SecureRandom());
        Files.writeString(dir.resolve("anchors.pem"), igc.trust().toPem(), StandardCharsets.US_ASCII);
        writeCrls();
        hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubPkiConfig.SITE, SITE,
                HubPkiConfig.DEVICE_API_PORT, "0", HubConfig.INGEST_ENABLED, "false",
                HubConfig.IGC_SANTE_ANCHORS, dir.resolve("anchors.pem").toString(),
                HubConfig.IGC_SANTE_CRL_FILES, dir.resolve("crls.pem").toString())), HUB_CLOCK);
        it = StaffClient.firstAdmin(hub.httpUri(), dir.resolve("hub"));
        anne = TestAgents.issue(igc, "810001234565");
        paul = TestAgents.issue(igc, "810002345675");
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    /** The hierarchy's CRLs of now, where the hub reads them (it re-reads the file when it changes). */
    private static void writeCrls() throws Exception {
        Path tmp = dir.resolve("crls.pem.tmp");
        Files.writeString(tmp, IgcSanteCrls.toPem(igc.crls()), StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve("crls.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A kiosk of the site with its device certificate; an admission desk when IT declared it so. */
    private record Kiosk(KioskAddress address, DeviceIdentity identity) {
        HttpResponse<String> post(String path, Object body) throws Exception {
            HttpClient client = HttpClient.newBuilder().sslContext(identity.sslContext())
                    .version(HttpClient.Version.HTTP_1_1).build();
            return client.send(HttpRequest.newBuilder(hub.deviceApiUri().resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        byte[] nonce(String session) throws Exception {
            HttpResponse<String> r = post(AgentApi.NONCE.path(), Map.of("kioskSessionId", session));
            assertEquals(201, r.statusCode(), r.body());
            byte[] nonce = Base64.getDecoder().decode(JSON.readTree(r.body()).path("nonce").asText());
            assertEquals(AgentApi.NONCE_BYTES, nonce.length);
            return nonce;
        }

        HttpResponse<String> prove(byte[] nonce, byte[] signature, TestAgents.Card certificateOf) throws Exception {
            return post(AgentApi.PROOF.path(), Map.of("nonce", b64(nonce), "signature", b64(signature), "certificate",
                    b64(certificateOf.certificate().getEncoded())));
        }

        HttpResponse<String> proveWith(TestAgents.Card card, String session) throws Exception {
            byte[] nonce = nonce(session);
            return prove(nonce, card.sign(nonce), card);
        }

        HttpResponse<String> passportChecked(long recordId, Map<String, Object> extra) throws Exception {
            Map<String, Object> body = new java.util.HashMap<>(extra);
            body.put("document", "PASSPORT");
            return post(AdmissionApi.DOCUMENT.path(Long.toString(recordId)), body);
        }
    }

    private static synchronized Kiosk kiosk(boolean admissionDesk) throws Exception {
        KioskAddress address = KioskAddress.of(SITE, "kiosk-" + (++kiosks));
        DeviceIdentity identity = DeviceIdentity.openOrCreate(dir.resolve(address.kioskId()), address,
                "store".toCharArray(), Clock.systemUTC());
        hub.siteCa().enrolInProcess(identity);
        if (admissionDesk) {
            assertEquals(200, role(address, "ADMISSION_DESK").statusCode());
        }
        return new Kiosk(address, identity);
    }

    private static HttpResponse<String> role(KioskAddress k, String role) throws Exception {
        return it.send("PUT", "/api/v1/devices/" + k.site() + "/" + k.kioskId() + "/role", Map.of("role", role));
    }

    private static long provisionalRecord(String nom) throws Exception {
        return hub.identities().create(TraitsInput.of(nom, "Anna", "F", "1997-02-08"), "registry-test").record().id();
    }

    private static String status(long recordId) throws Exception {
        return hub.identities().find(recordId).orElseThrow().state().status().name();
    }

    private static String code(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("error").asText();
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static List<AuditRecord> audit(String action, String subject) throws Exception {
        return auditLog(hub).find(new AuditQuery(null, action, subject, null, null, 0, 1000)).entries();
    }

    @Test
    void withoutAProvenAgentAnAdmissionDeskCannotMoveARecordFromProvToVali() throws Exception {
        Kiosk desk = kiosk(true);
        long record = provisionalRecord("Bertin");

        HttpResponse<String> r = desk.passportChecked(record, Map.of());

        assertEquals(403, r.statusCode(), r.body());
        assertEquals(AgentError.AGENT_NOT_PROVEN.name(), code(r));
        assertEquals("PROV", status(record));
        assertFalse(audit(ProvenAgents.CALL_REFUSED, "kiosk:" + desk.address()).isEmpty());
    }

    @Test
    void aKioskTheHubDoesNotKnowAsAnAdmissionDeskGetsNoNonceAndNoAdmissionWhateverItClaims() throws Exception {
        Kiosk workstation = kiosk(false);
        long record = provisionalRecord("Bertrand");

        HttpResponse<String> nonce = workstation.post(AgentApi.NONCE.path(), Map.of("kioskSessionId", "s1"));
        HttpResponse<String> admission = workstation.passportChecked(record, Map.of("agent", "810001234565"));

        assertEquals(403, nonce.statusCode());
        assertEquals(AgentError.NOT_AN_ADMISSION_DESK.name(), code(nonce));
        assertEquals(403, admission.statusCode());
        assertEquals(AgentError.NOT_AN_ADMISSION_DESK.name(), code(admission));
        assertEquals("PROV", status(record));
    }

    @Test
    void aProvenAgentChecksThePassportAndTheHubRecordsThatAgentNotOneTheKioskNames() throws Exception {
        Kiosk desk = kiosk(true);
        long record = provisionalRecord("Bernard");

        HttpResponse<String> proven = desk.proveWith(anne, "session-a");
        assertEquals(200, proven.statusCode(), proven.body());
        JsonNode b = JSON.readTree(proven.body());
        assertEquals("810001234565", b.path("agent").asText());
        assertEquals("CARD", b.path("method").asText());
        assertEquals("session-a", b.path("kioskSessionId").asText());

        HttpResponse<String> claimed = desk.passportChecked(record, Map.of("agent", "810002345675"));
        assertEquals(400, claimed.statusCode());
        assertEquals(AgentError.AGENT_CLAIM_REFUSED.name(), code(claimed));
        HttpResponse<String> ownIdClaimed = desk.passportChecked(record, Map.of("agent", "810001234565"));
        assertEquals(AgentError.AGENT_CLAIM_REFUSED.name(), code(ownIdClaimed));
        assertEquals("PROV", status(record));

        HttpResponse<String> vali = desk.passportChecked(record, Map.of());

        assertEquals(200, vali.statusCode(), vali.body());
        assertEquals("VALI", status(record));
        assertEquals("810001234565", hub.identities().find(record).orElseThrow().updatedBy());
        AuditRecord bound = audit("AGENT_BOUND", "agent:810001234565").stream()
                .filter(e -> e.actor().equals("kiosk:" + desk.address())).findFirst().orElseThrow();
        assertEquals(anne.certificate().getSerialNumber().toString(16), bound.details().get("certificateSerial"));
        assertTrue(audit("ADMISSION_DOCUMENT", "identity:" + record).stream()
                .anyMatch(e -> "810001234565".equals(e.details().get("agent"))));
    }

    @Test
    void aNonceProvesOnceOnly() throws Exception {
        Kiosk desk = kiosk(true);
        byte[] nonce = desk.nonce("session-r");
        byte[] signature = anne.sign(nonce);
        assertEquals(200, desk.prove(nonce, signature, anne).statusCode());

        HttpResponse<String> replay = desk.prove(nonce, signature, anne);

        assertEquals(403, replay.statusCode());
        assertEquals(AgentError.AGENT_NONCE_REPLAYED.name(), code(replay));
        HttpResponse<String> invented = desk.prove(new byte[32], anne.sign(new byte[32]), anne);
        assertEquals(AgentError.AGENT_NONCE_UNKNOWN.name(), code(invented));
    }

    @Test
    void aSignatureMadeByAnotherCardIsRefusedAndUsesTheNonceUp() throws Exception {
        Kiosk desk = kiosk(true);
        byte[] nonce = desk.nonce("session-x");

        HttpResponse<String> forged = desk.prove(nonce, paul.sign(nonce), anne);

        assertEquals(403, forged.statusCode());
        assertEquals(AgentError.AGENT_SIGNATURE_INVALID.name(), code(forged));
        assertTrue(provenAgents(hub).current(desk.address()).isEmpty());
        assertEquals(AgentError.AGENT_NONCE_REPLAYED.name(), code(desk.prove(nonce, anne.sign(nonce), anne)),
                "one try per nonce");
        assertTrue(audit(ProvenAgents.PROOF_REFUSED, "kiosk:" + desk.address()).stream()
                .anyMatch(e -> AgentError.AGENT_SIGNATURE_INVALID.name().equals(e.details().get("code"))));
    }

    @Test
    void aNonceIssuedToAnotherKioskIsRefusedThereAndStillServesItsOwnKiosk() throws Exception {
        Kiosk a = kiosk(true);
        Kiosk b = kiosk(true);
        byte[] nonce = a.nonce("session-1");

        HttpResponse<String> stolen = b.prove(nonce, anne.sign(nonce), anne);

        assertEquals(403, stolen.statusCode());
        assertEquals(AgentError.AGENT_NONCE_OTHER_KIOSK.name(), code(stolen));
        assertTrue(provenAgents(hub).current(b.address()).isEmpty());
        assertEquals(200, a.prove(nonce, anne.sign(nonce), anne).statusCode());
    }

    @Test
    void aRevokedCardIsRefusedAsSoonAsTheHubHoldsTheNewCrl() throws Exception {
        Kiosk desk = kiosk(true);
        TestAgents.Card revoked = TestAgents.issue(igc, "810003456786");
        assertEquals(200, desk.proveWith(revoked, "session-1").statusCode());

        igc.revoke(revoked.certificate().getSerialNumber());
        writeCrls();
        HttpResponse<String> r = desk.proveWith(revoked, "session-2");

        assertEquals(403, r.statusCode());
        assertEquals("AGENT_CERT_REVOKED", code(r));
        assertEquals("session-1", provenAgents(hub).current(desk.address()).orElseThrow().kioskSessionId(),
                "a refused proof leaves the binding it would have replaced");
    }

    @Test
    void anExpiredCardAndACardOfAnotherHierarchyAreRefused() throws Exception {
        Kiosk desk = kiosk(true);
        CA_CLOCK.advance(Duration.ofDays(-4 * 365));
        TestAgents.Card old;
        try {
            old = TestAgents.issue(igc, "810004567896");
        } finally {
            CA_CLOCK.advance(Duration.ofDays(4 * 365));
        }
        IgcSanteSandboxCa stranger = IgcSanteSandboxCa.create(Clock.systemUTC(), new SecureRandom());

        assertEquals("AGENT_CERT_EXPIRED", code(desk.proveWith(old, "session-1")));
        assertEquals("AGENT_CERT_UNTRUSTED_ISSUER", code(desk.proveWith(TestAgents.issue(stranger, "810001234565"),
                "session-1")));
        HttpResponse<String> presentedRoot = desk.post(AgentApi.PROOF.path(), proofWithChain(desk, stranger));
        assertEquals("AGENT_CERT_UNTRUSTED_ISSUER", code(presentedRoot), "a root the kiosk presents is never trusted");
    }

    private static Map<String, Object> proofWithChain(Kiosk desk, IgcSanteSandboxCa stranger) throws Exception {
        TestAgents.Card card = TestAgents.issue(stranger, "810001234565");
        byte[] nonce = desk.nonce("session-1");
        return Map.of("nonce", b64(nonce), "signature", b64(card.sign(nonce)), "certificate",
                b64(card.certificate().getEncoded()), "chain", List.of(b64(stranger.personnesCertificate().getEncoded()),
                        b64(stranger.rootCertificate().getEncoded())));
    }

    @Test
    void anExpiredNonceIsRefused() throws Exception {
        Kiosk desk = kiosk(true);
        byte[] nonce = desk.nonce("session-1");

        HUB_CLOCK.advance(Duration.ofMinutes(3));
        try {
            assertEquals(AgentError.AGENT_NONCE_EXPIRED.name(), code(desk.prove(nonce, anne.sign(nonce), anne)));
        } finally {
            HUB_CLOCK.advance(Duration.ofMinutes(-3));
        }
    }

    @Test
    void lockingOrClosingTheSessionEndsItsBindingAndItsUnusedNonces() throws Exception {
        Kiosk desk = kiosk(true);
        long record = provisionalRecord("Berger");
        assertEquals(200, desk.proveWith(anne, "session-1").statusCode());
        byte[] pending = desk.nonce("session-1");

        HttpResponse<String> older = desk.post(AgentApi.END.path(), Map.of("kioskSessionId", "session-0", "reason",
                "CLOSED"));
        assertEquals(204, older.statusCode());
        assertTrue(provenAgents(hub).current(desk.address()).isPresent(), "an older session's end leaves the binding");

        HttpResponse<String> locked = desk.post(AgentApi.END.path(), Map.of("kioskSessionId", "session-1", "reason",
                "LOCKED"));

        assertEquals(204, locked.statusCode());
        assertTrue(provenAgents(hub).current(desk.address()).isEmpty());
        assertEquals(AgentError.AGENT_NOT_PROVEN.name(), code(desk.passportChecked(record, Map.of())));
        assertEquals(AgentError.AGENT_NONCE_REPLAYED.name(), code(desk.prove(pending, anne.sign(pending), anne)),
                "a nonce of the locked session proves nothing");
        assertTrue(audit("AGENT_UNBOUND", "agent:810001234565").stream().anyMatch(e -> e.actor().equals("kiosk:"
                + desk.address()) && "LOCKED".equals(e.details().get("reason"))));
        assertEquals("PROV", status(record));
        assertEquals(AgentError.AGENT_PROOF_INVALID.name(), code(desk.post(AgentApi.END.path(),
                Map.of("kioskSessionId", "session-1", "reason", "FORGOTTEN"))));
    }

    @Test
    void aBindingEndsByItselfAfterTwelveHours() throws Exception {
        Kiosk desk = kiosk(true);
        assertEquals(200, desk.proveWith(anne, "session-1").statusCode());

        HUB_CLOCK.advance(ProvenAgents.MAX_BINDING);
        try {
            assertEquals(AgentError.AGENT_NOT_PROVEN.name(), code(desk.passportChecked(provisionalRecord("Bertier"),
                    Map.of())));
        } finally {
            HUB_CLOCK.advance(ProvenAgents.MAX_BINDING.negated());
        }
        assertTrue(provenAgents(hub).current(desk.address()).isEmpty());
        assertTrue(audit("AGENT_UNBOUND", "agent:810001234565").stream().anyMatch(e ->
                desk.address().toString().equals(e.details().get("kiosk")) && "EXPIRED".equals(e.details().get("reason"))));
    }

    @Test
    void itDeclaresDesksThroughRestAndTakingTheRoleAwayEndsTheBinding() throws Exception {
        Kiosk desk = kiosk(true);
        assertEquals(200, desk.proveWith(paul, "session-1").statusCode());
        String path = "/api/v1/devices/" + SITE + "/" + desk.address().kioskId() + "/role";
        JsonNode shown = it.getJson(path);
        assertEquals("ADMISSION_DESK", shown.path("role").asText());
        assertEquals("810002345675", shown.path("agent").path("agent").asText());

        HttpResponse<String> removed = role(desk.address(), "workstation");

        assertEquals(200, removed.statusCode(), removed.body());
        assertTrue(JSON.readTree(removed.body()).path("changed").asBoolean());
        assertTrue(provenAgents(hub).current(desk.address()).isEmpty());
        assertEquals(AgentError.NOT_AN_ADMISSION_DESK.name(), code(desk.post(AgentApi.NONCE.path(),
                Map.of("kioskSessionId", "session-2"))));
        assertTrue(audit("DEVICE_ROLE_CHANGED", "kiosk:" + desk.address()).stream()
                .anyMatch(e -> "WORKSTATION".equals(e.details().get("role")) && !e.actor().equals("unknown")));
        assertTrue(audit("AGENT_UNBOUND", "agent:810002345675").stream()
                .anyMatch(e -> "ROLE_REMOVED".equals(e.details().get("reason"))));
        HttpResponse<String> bad = role(desk.address(), "kitchen");
        assertEquals(400, bad.statusCode());
        assertEquals("INVALID_PARAMETER", code(bad));
    }

    @Test
    void withoutAPscSignInBoundToTheSessionNothingIsProvenThroughPsc() throws Exception {
        Kiosk desk = kiosk(true);

        HttpResponse<String> r = desk.post(AgentApi.PSC_PROOF.path(), Map.of("kioskSessionId", "session-1",
                "cibaRequestId", "0123456789abcdef"));

        assertEquals(403, r.statusCode());
        assertEquals(AgentError.AGENT_PSC_NOT_BOUND.name(), code(r));
    }

    @Test
    void malformedProofsAreRefusedWithOneCode() throws Exception {
        Kiosk desk = kiosk(true);
        assertEquals(AgentError.AGENT_PROOF_INVALID.name(), code(desk.post(AgentApi.PROOF.path(), Map.of("nonce", "%%%",
                "signature", "AA==", "certificate", "AA=="))));
        assertEquals(AgentError.AGENT_PROOF_INVALID.name(), code(desk.post(AgentApi.PROOF.path(), Map.of("nonce", "AA==",
                "signature", "AA==", "certificate", "AA==", "agent", "810001234565"))), "unknown fields refused");
        assertEquals(AgentError.AGENT_PROOF_INVALID.name(), code(desk.post(AgentApi.NONCE.path(), Map.of("kioskSessionId",
                "a b"))));
    }
}
