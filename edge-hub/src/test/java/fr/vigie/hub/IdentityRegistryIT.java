package fr.vigie.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.testing.ManualClock;
import fr.vigie.hub.testing.StaffClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity registry for real: the hub with its embedded PostgreSQL, driven through the REST API
 * as an admission UI and the identity-vigilance cell would. Each test uses its own birth dates so
 * that the duplicate rule only pairs the records it means to.
 */
class IdentityRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NIR_F = "297022A02077878";
    private static final String NIR_M = "180032B02040123";
    private static final String OID_TEST = "1.2.250.1.213.1.4.10";

    @TempDir
    static Path dataDir;
    static EdgeHub hub;
    static StaffClient staff;

    @BeforeAll
    static void startHub() throws Exception {
        HubConfig config = HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dataDir.toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0"));
        hub = EdgeHub.start(config, ManualClock.followingSystemTime());
        staff = StaffClient.firstAdmin(hub.httpUri(), dataDir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void identityGoesProvRecupQualAndOnlyTheSingleGetShowsTheFullMatricule() throws Exception {
        JsonNode created = create("Lefèvre", "Anne-Sophie Claire", "F", "1997-02-14", "2A004");
        assertEquals("PROV", created.at("/identity/status").asText());
        assertEquals("LEFEVRE", created.at("/identity/nomNaissance").asText());
        long id = created.at("/identity/id").asLong();

        HttpResponse<String> recup = action(id, Map.of("action", "INSI_RETRIEVED", "matricule", NIR_F, "oid", OID_TEST));
        assertEquals(200, recup.statusCode(), recup.body());
        assertEquals("RECUP", JSON.readTree(recup.body()).at("/identity/status").asText());
        assertFalse(recup.body().contains(NIR_F), "an action's answer carries the masked matricule only");
        assertEquals("2************78", JSON.readTree(recup.body()).at("/identity/ins/masked").asText());

        HttpResponse<String> qual = action(id, Map.of("action", "DOCUMENT_CHECKED", "document", "PASSPORT"));
        assertEquals("QUAL", JSON.readTree(qual.body()).at("/identity/status").asText());
        assertEquals("PASSPORT", JSON.readTree(qual.body()).at("/identity/document").asText());

        JsonNode one = JSON.readTree(get("/api/v1/identities/" + id).body());
        assertEquals(NIR_F, one.at("/ins/matricule").asText());
        assertEquals(OID_TEST, one.at("/ins/oid").asText());

        HttpResponse<String> changed = send("PUT", "/api/v1/identities/" + id, traits("Lefèvre", "Anne Sophie",
                "F", "1997-02-14", "2A004"));
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("PROV", JSON.readTree(changed.body()).at("/identity/status").asText());
        assertTrue(JSON.readTree(changed.body()).at("/identity/document").isMissingNode());
    }

    @Test
    void doubtfulIdentityStaysProvAndInsiIsRefusedWithItsCode() throws Exception {
        long id = create("Inconnu", "Homme", "M", "1970-00-00", null).at("/identity/id").asLong();
        HttpResponse<String> dout = action(id, Map.of("action", "ATTRIBUTE_SET", "attribute", "DOUT"));
        assertEquals("PROV", JSON.readTree(dout.body()).at("/identity/status").asText());
        assertFalse(JSON.readTree(dout.body()).at("/identity/mayCallInsi").asBoolean());

        HttpResponse<String> insi = action(id, Map.of("action", "INSI_RETRIEVED", "matricule", NIR_M, "oid", OID_TEST));
        assertEquals(409, insi.statusCode());
        assertEquals("RNIV_INSI_NOT_ALLOWED", JSON.readTree(insi.body()).get("error").asText());
        HttpResponse<String> doc = action(id, Map.of("action", "DOCUMENT_CHECKED", "document", "PASSPORT"));
        assertEquals("RNIV_DOUBTFUL_STAYS_PROV", JSON.readTree(doc.body()).get("error").asText());
        assertEquals("PROV", JSON.readTree(get("/api/v1/identities/" + id).body()).get("status").asText());
    }

    @Test
    void nearIdenticalTraitsAreFlaggedAsProbableDuplicate() throws Exception {
        long first = create("Dupont", "Jean-Pierre Marc", "M", "1960-05-12", "75056").at("/identity/id").asLong();
        JsonNode second = create("DUPONT", "Jean Pierre", "M", "1960-05-12", null);
        JsonNode flag = second.at("/flagsRaised/0");
        assertEquals("DOUB", flag.get("kind").asText());
        assertEquals(first, flag.get("recordA").asLong());
        assertEquals(second.at("/identity/id").asLong(), flag.get("recordB").asLong());
        assertTrue(flag.get("reason").asText().contains("same birth name"));
        assertEquals(0, create("Dupont", "Paul", "M", "1960-05-12", null).get("flagsRaised").size());
    }

    @Test
    void sameInsOnTwoDifferentPeopleIsFlaggedAsPossibleCollisionAndListedForTheCell() throws Exception {
        long a = create("Martin", "Jeanne", "F", "1980-03-01", null).at("/identity/id").asLong();
        long b = create("Durand", "Paul", "M", "1955-11-30", null).at("/identity/id").asLong();
        assertEquals(200, action(a, Map.of("action", "INSI_RETRIEVED", "matricule", NIR_M, "oid", OID_TEST)).statusCode());
        HttpResponse<String> second = action(b, Map.of("action", "APCV_QUALIFIED", "matricule", NIR_M, "oid", OID_TEST));
        JsonNode flag = JSON.readTree(second.body()).at("/flagsRaised/0");
        assertEquals("COLP", flag.get("kind").asText());
        assertEquals("SAME_INS_DIFFERENT_TRAITS", flag.get("reasonCode").asText());
        assertEquals(a, flag.get("recordA").asLong());

        HttpResponse<String> flags = get("/api/v1/vigilance/flags");
        assertEquals(200, flags.statusCode());
        assertFalse(flags.body().contains(NIR_M) || flags.body().contains(NIR_F), "flags never carry a matricule");
        boolean listed = false;
        for (JsonNode f : JSON.readTree(flags.body()).get("flags")) {
            listed |= f.get("kind").asText().equals("COLP") && f.get("recordB").asLong() == b;
        }
        assertTrue(listed);
        String fr = get("/vigilance").body();
        assertTrue(fr.contains("<html lang=\"fr\">") && fr.contains("Identitovigilance") && fr.contains("<table id=\"flags\">"));
        assertTrue(get("/vigilance?lang=en").body().contains("Identity vigilance"));
        assertEquals(200, get("/vigilance.js").statusCode());
    }

    @Test
    void badRequestsAreRejectedWithStableCodes() throws Exception {
        HttpResponse<String> ligature = send("POST", "/api/v1/identities", traits("Cœur", "Marie", "F", "1990-01-01", null));
        assertEquals(400, ligature.statusCode());
        assertEquals("TRAITS_REJECTED", JSON.readTree(ligature.body()).get("error").asText());
        long id = create("Petit", "Louise", "F", "1991-07-07", null).at("/identity/id").asLong();
        HttpResponse<String> vitale = action(id, Map.of("action", "DOCUMENT_CHECKED", "document", "CARTE_VITALE"));
        assertEquals("RNIV_NOT_A_HIGH_TRUST_DOCUMENT", JSON.readTree(vitale.body()).get("error").asText());
        assertEquals("INS_REQUIRED", JSON.readTree(action(id, Map.of("action", "INSI_RETRIEVED")).body())
                .get("error").asText());
        assertEquals("RNIV_NO_INS", JSON.readTree(action(id, Map.of("action", "INSI_VERIFIED")).body())
                .get("error").asText());
        assertEquals(404, get("/api/v1/identities/999999").statusCode());
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Map<String, Object> traits(String nom, String prenoms, String sexe, String date, String lieu) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("operator", "agent-it", "nomNaissance", nom,
                "listePrenom", prenoms, "sexe", sexe, "dateNaissance", date));
        if (lieu != null) {
            body.put("lieuNaissance", lieu);
        }
        return body;
    }

    private static JsonNode create(String nom, String prenoms, String sexe, String date, String lieu) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/identities", traits(nom, prenoms, sexe, date, lieu));
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> action(long id, Map<String, Object> fields) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("operator", "agent-it");
        return send("POST", "/api/v1/identities/" + id + "/actions", body);
    }

    private static HttpResponse<String> send(String method, String path, Map<String, Object> body) throws Exception {
        return staff.send(method, path, body);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return staff.get(path);
    }
}
