package fr.vigie.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.admission.AdmissionCaller;
import fr.vigie.hub.device.DeviceRole;
import fr.vigie.hub.fhir.FrCore;
import fr.vigie.testing.MutableClock;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.hub.testing.TestAgents;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.TraitsInput;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FHIR API of a sandbox hub, as a site application uses it: identities qualified through the admission service
 * (INSi simulator, a proven agent) read and searched with an application's API token, answers parsed with HAPI FHIR.
 * Only QUAL identities show their INS; only an application's or an admin's token reads; every read is audited.
 */
class FhirApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "accueil-1");
    private static final String TEST_NIR = "urn:oid:1.2.250.1.213.1.4.10";

    @TempDir
    static Path dataDir;
    static EdgeHub hub;
    static StaffClient admin;
    static String application;
    static String viewerToken;
    static long dupont;
    static long martin;

    @BeforeAll
    static void start() throws Exception {
        hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dataDir.toString(), HubConfig.HTTP_PORT, "0",
                HubConfig.MQTT_PORT, "0", HubConfig.SANDBOX_ENABLED, "true", HubPkiConfig.DEVICE_API_PORT, "0",
                HubPkiConfig.SITE, KIOSK.site(), "hub.gam.patient-id-oid", "1.2.250.1.999.15.1")),
                MutableClock.followingSystemTime());
        admin = StaffClient.firstAdmin(hub.httpUri(), dataDir);
        application = token("dpi", "fhir_reader");
        viewerToken = token("vera", "viewer");
        hub.agents().roles().set(KIOSK, DeviceRole.ADMISSION_DESK, "it-test");
        TestAgents.prove(hub, KIOSK, "session-1", TestAgents.issue(hub.sandbox().orElseThrow().igcSante().ca(),
                "810001234565"));
        AdmissionCaller agent = new AdmissionCaller(KIOSK, hub.agents().require(KIOSK, "admission").agent());
        dupont = hub.admission().byTraits(agent, TraitsInput.of("Dupont", "Marie Claire", "F", "1980-05-12")
                .withNomUtilise("Durand"), OptionalLong.empty()).record().id();
        hub.admission().documentChecked(agent, dupont, HighTrustDocument.PASSPORT);
        martin = hub.admission().byTraits(agent, TraitsInput.of("Martin", "Jean", "M", "1975-03-03")
                .withLieuNaissance("69123"), OptionalLong.empty()).record().id(); // RECUP: INSi found him, no document
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private static String token(String login, String role) throws Exception {
        HttpResponse<String> account = admin.send("POST", "/api/v1/staff/accounts", Map.of("login", login, "role", role,
                "password", "a long password " + login));
        assertEquals(201, account.statusCode(), account.body());
        HttpResponse<String> issued = admin.send("POST", "/api/v1/staff/tokens", Map.of("login", login, "role", role,
                "label", "FhirApiIT"));
        assertEquals(201, issued.statusCode(), issued.body());
        return JSON.readTree(issued.body()).get("token").asText();
    }

    private static HttpResponse<String> fhir(String method, String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub.httpUri() + pathAndQuery))
                .header("Accept", "application/fhir+json").method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(HttpResponse<String> r, Class<T> type) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"), r.headers().toString());
        return FHIR.newJsonParser().parseResource(type, r.body());
    }

    private static Bundle search(String query) throws Exception {
        HttpResponse<String> r = fhir("GET", "/fhir/Patient?" + query, application);
        assertEquals(200, r.statusCode(), r.body());
        return parse(r, Bundle.class);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void anApplicationReadsAQualifiedPatientWithItsInsAndTheReadIsAudited() throws Exception {
        HttpResponse<String> r = fhir("GET", "/fhir/Patient/" + dupont, application);
        assertEquals(200, r.statusCode(), r.body());
        Patient p = parse(r, Patient.class);

        assertEquals(FrCore.PATIENT_INS_PROFILE, p.getMeta().getProfile().get(0).getValue());
        Identifier ins = p.getIdentifier().stream().filter(i -> i.getSystem().equals(TEST_NIR)).findFirst().orElseThrow();
        assertEquals("280057505612389", ins.getValue());
        assertEquals("INS-NIR-TEST", ins.getType().getCodingFirstRep().getCode());
        assertEquals("urn:oid:1.2.250.1.999.15.1", p.getIdentifierFirstRep().getSystem(), "hub.gam.patient-id-oid");
        assertEquals(Long.toString(dupont), p.getIdentifierFirstRep().getValue());
        var reliability = p.getExtensionByUrl(FrCore.IDENTITY_RELIABILITY);
        assertEquals("QUAL", ((Coding) reliability.getExtensionByUrl("identityStatus").getValue()).getCode());
        assertEquals("INSI", ((Coding) reliability.getExtensionByUrl("methodCollection").getValue()).getCode());
        assertEquals("PA", ((Coding) reliability.getExtensionByUrl("validationMode").getValue()).getCode());
        Address place = (Address) p.getExtensionByUrl(FrCore.BIRTH_PLACE).getValue();
        assertEquals("75056", ((Coding) place.getExtensionByUrl(FrCore.INSEE_CODE).getValue()).getCode(),
                "the birth place INSi gave");

        var audit = hub.audit().latest("identity:" + dupont, List.of("FHIR_PATIENT_READ"), 5);
        assertEquals(1, audit.size());
        assertEquals("dpi", audit.get(0).actor(), "who read which patient");
        assertEquals("FHIR_READER", audit.get(0).details().get("role"));
    }

    @Test
    void noInsLeavesTheHubBeforeTheIdentityIsQualified() throws Exception {
        HttpResponse<String> r = fhir("GET", "/fhir/Patient/" + martin, application);
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("175036912304537"), "RECUP: INSi found him, but no document was checked");
        assertEquals(1, parse(r, Patient.class).getIdentifier().size());

        assertEquals(0, search("identifier=" + enc(TEST_NIR + "|175036912304537")).getTotal(),
                "an INS search finds only qualified identities");
        Bundle found = search("identifier=" + enc(TEST_NIR + "|280057505612389"));
        assertEquals(1, found.getTotal());
        assertEquals(Long.toString(dupont), found.getEntryFirstRep().getResource().getIdElement().getIdPart());
        assertEquals(0, search("identifier=" + enc("urn:oid:1.2.250.1.213.1.4.8|280057505612389")).getTotal(),
                "the INS with another OID is another identifier");
    }

    @Test
    void patientsAreSearchedByTheirTraitsButNeverListed() throws Exception {
        Bundle b = search("family=dupont&given=Claire&birthdate=1980-05-12&gender=female");
        assertEquals(1, b.getTotal());
        assertEquals(Long.toString(dupont), b.getEntryFirstRep().getResource().getIdElement().getIdPart());
        assertEquals(1, search("family=DURAND&birthdate=eq1980-05-12").getTotal(), "the nom utilisé too");
        assertEquals(0, search("family=dupont&birthdate=1980-05-13").getTotal());
        assertEquals(0, search("family=dupont&given=marie&gender=male").getTotal());

        for (String bad : List.of("family=dupont", "gender=female", "birthdate=1980-05-12", "name=dupont&given=marie",
                "family=c%C5%93ur&given=marie", "family=dupont&birthdate=1980", "family=dupont&given=marie&_count=500")) {
            HttpResponse<String> r = fhir("GET", "/fhir/Patient?" + bad, application);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertEquals(OperationOutcome.IssueType.INVALID, parse(r, OperationOutcome.class).getIssueFirstRep().getCode(),
                    bad);
        }
        var audit = hub.audit().latest("fhir:Patient", List.of("FHIR_PATIENT_SEARCH"), 50);
        assertTrue(audit.stream().anyMatch(a -> a.details().get("criteria").equals("family,given,birthdate,gender")
                && a.details().get("results").equals(Long.toString(dupont))), audit.toString());
        assertTrue(audit.stream().noneMatch(a -> a.details().toString().contains("DUPONT")), "criteria, not their values");
    }

    @Test
    void onlyAnApplicationsOrAnAdminsTokenReads() throws Exception {
        HttpResponse<String> none = fhir("GET", "/fhir/Patient/" + dupont, null);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(OperationOutcome.IssueType.LOGIN, parse(none, OperationOutcome.class).getIssueFirstRep().getCode());
        assertEquals(401, fhir("GET", "/fhir/Patient/" + dupont, "vigie_not-a-token").statusCode());
        HttpResponse<String> viewer = fhir("GET", "/fhir/Patient/" + dupont, viewerToken);
        assertEquals(403, viewer.statusCode(), "a viewer never sees a full INS");
        assertFalse(viewer.body().contains("280057505612389"));
        HttpResponse<String> cookie = HTTP.send(HttpRequest.newBuilder(URI.create(hub.httpUri() + "/fhir/Patient/" + dupont))
                .header("Cookie", "vigie_session=" + admin.cookie()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, cookie.statusCode(), "a console session does not read the FHIR API");

        assertEquals(403, fhir("GET", "/api/v1/devices", application).statusCode(), "an application reads /fhir only");
        assertEquals(403, fhir("GET", "/api/v1/identities/" + dupont, application).statusCode());
        assertEquals(405, fhir("POST", "/fhir/Patient", application).statusCode(), "read only");
        assertEquals(404, fhir("GET", "/fhir/Patient/999999", application).statusCode());

        HttpResponse<String> metadata = fhir("GET", "/fhir/metadata", null);
        assertEquals(200, metadata.statusCode());
        CapabilityStatement c = parse(metadata, CapabilityStatement.class);
        assertEquals("Patient", c.getRestFirstRep().getResourceFirstRep().getType());
        assertEquals(List.of("identifier", "family", "given", "birthdate", "gender"), c.getRestFirstRep()
                .getResourceFirstRep().getSearchParam().stream().map(p -> p.getName()).toList());
    }

    @Test
    void aMergedPatientIsInactiveAndPointsToThePatientKept() throws Exception {
        long kept = JSON.readTree(admin.send("POST", "/api/v1/identities", Map.of("nomNaissance", "FUSION", "listePrenom",
                "LEON", "sexe", "M", "dateNaissance", "1944-04-04")).body()).at("/identity/id").asLong();
        JsonNode second = JSON.readTree(admin.send("POST", "/api/v1/identities", Map.of("nomNaissance", "FUSION",
                "listePrenom", "LEON", "sexe", "M", "dateNaissance", "1944-04-04")).body());
        assertEquals(200, admin.send("POST", "/api/v1/vigilance/flags/" + second.at("/flagsRaised/0/flagId").asLong()
                + "/merge", Map.of("survivor", kept)).statusCode());

        Patient gone = parse(fhir("GET", "/fhir/Patient/" + second.at("/identity/id").asLong(), application), Patient.class);
        assertFalse(gone.getActive());
        assertEquals("Patient/" + kept, gone.getLinkFirstRep().getOther().getReference());
        assertEquals(1, search("family=fusion&birthdate=1944-04-04").getTotal(), "searches find the record kept only");
    }
}
