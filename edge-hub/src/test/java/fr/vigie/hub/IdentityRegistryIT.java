package fr.vigie.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.identity.Adoption;
import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.identity.RegistryRejection;
import fr.vigie.hub.identity.RnivRequest;
import fr.vigie.hub.identity.Saved;
import fr.vigie.hub.identity.VigilanceFlag;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.hub.identity.rniv.RnivAction;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.testing.MutableClock;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity registry for real: the hub with its embedded PostgreSQL, driven through the REST API
 * as the identity-vigilance cell would, and through {@link fr.vigie.hub.identity.IdentityRegistry#adopt}
 * with identities as INSi returns them (what the admission service does after its own INSi call). Each
 * test uses its own birth dates so that the duplicate rule only pairs the records it means to.
 */
class IdentityRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NIR_F = "297022A02077878";
    private static final String NIR_M = "180032B02040123";
    private static final String NIR_F2 = "290113306310159";
    private static final String OID_TEST = "1.2.250.1.213.1.4.10";

    @TempDir
    static Path dataDir;
    static EdgeHub hub;
    static StaffClient staff;
    static StaffClient viewer;

    @BeforeAll
    static void startHub() throws Exception {
        HubConfig config = HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dataDir.toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0"));
        hub = EdgeHub.start(config, MutableClock.followingSystemTime());
        staff = StaffClient.firstAdmin(hub.httpUri(), dataDir);
        assertEquals(201, staff.send("POST", "/api/v1/staff/accounts", Map.of("login", "vera", "role", "viewer",
                "password", "viewer password 1")).statusCode());
        viewer = StaffClient.signIn(hub.httpUri(), "vera", "viewer password 1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void identityGoesProvRecupQualAndOnlyAnAdminSeesTheFullMatriculeOfAQualRecord() throws Exception {
        JsonNode created = create("Lefèvre", "Anne-Sophie Claire", "F", "1997-02-14", "2A004");
        assertEquals("PROV", created.at("/identity/status").asText());
        assertEquals("LEFEVRE", created.at("/identity/nomNaissance").asText());
        assertEquals("staff:admin", created.at("/identity/createdBy").asText(), "the signed-in account, not a claim");
        long id = created.at("/identity/id").asLong();

        Saved recup = adopted(adopt(id, TraitsInput.of("LEFEVRE", "ANNE-SOPHIE CLAIRE", "F", "1997-02-14"), NIR_F));
        assertEquals("RECUP", recup.record().state().status().name());
        assertEquals("2A004", recup.record().traits().lieuNaissance().orElseThrow().code(),
                "a birth place INSi did not return is kept");
        assertFalse(get(staff, "/api/v1/identities/" + id).body().contains(NIR_F), "RECUP: masked even for an admin");

        HttpResponse<String> qual = action(id, Map.of("action", "DOCUMENT_CHECKED", "document", "PASSPORT"));
        assertEquals("QUAL", JSON.readTree(qual.body()).at("/identity/status").asText());
        assertEquals("PASSPORT", JSON.readTree(qual.body()).at("/identity/document").asText());
        assertFalse(qual.body().contains(NIR_F), "an action's answer carries the masked matricule only");
        assertEquals("2************78", JSON.readTree(qual.body()).at("/identity/ins/masked").asText());

        JsonNode one = JSON.readTree(get(staff, "/api/v1/identities/" + id).body());
        assertEquals(NIR_F, one.at("/ins/matricule").asText());
        assertEquals(OID_TEST, one.at("/ins/oid").asText());
        assertEquals("staff:admin", one.at("/documentChecks/0/checkedBy").asText(), "who checked the passport");
        assertEquals("PASSPORT", one.at("/documentChecks/0/document").asText());

        HttpResponse<String> asViewer = get(viewer, "/api/v1/identities/" + id);
        assertEquals(200, asViewer.statusCode());
        assertFalse(asViewer.body().contains(NIR_F), "a viewer never sees a full matricule");
        assertEquals("2************78", JSON.readTree(asViewer.body()).at("/ins/masked").asText());

        HttpResponse<String> changed = send("PUT", "/api/v1/identities/" + id, traits("Lefèvre", "Anne Sophie",
                "F", "1997-02-14", "2A004"));
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("PROV", JSON.readTree(changed.body()).at("/identity/status").asText());
        assertTrue(JSON.readTree(changed.body()).at("/identity/document").isMissingNode());
        assertFalse(get(staff, "/api/v1/identities/" + id).body().contains(NIR_F), "PROV again: masked");
    }

    @Test
    void everyRestIdentityChangeIsAuditedWithTheSignedInAccount() throws Exception {
        long id = create("Audit", "Anne", "F", "1966-06-06", null).at("/identity/id").asLong();
        send("PUT", "/api/v1/identities/" + id, traits("Audit", "Anne Marie", "F", "1966-06-06", null));
        action(id, Map.of("action", "DOCUMENT_CHECKED", "document", "NATIONAL_ID_CARD_EU_EEA_CH"));

        JsonNode entries = JSON.readTree(get(staff, "/api/v1/audit?subject=identity:" + id).body()).get("entries");
        List<String> actions = new java.util.ArrayList<>();
        for (JsonNode e : entries) {
            actions.add(e.get("action").asText());
            assertEquals("admin", e.get("actor").asText());
        }
        assertTrue(actions.containsAll(List.of("IDENTITY_CREATED", "IDENTITY_TRAITS_CHANGED", "IDENTITY_ACTION")),
                actions.toString());
        assertTrue(entries.toString().contains("NATIONAL_ID_CARD_EU_EEA_CH"), entries.toString());

        // an API token (the CLI) is a signed-in account too
        JsonNode issued = JSON.readTree(send("POST", "/api/v1/staff/tokens", Map.of("role", "admin", "label", "it"))
                .body());
        HttpResponse<String> viaToken = StaffClient.send(HttpRequest.newBuilder(hub.httpUri().resolve("/api/v1/identities"))
                .header("Authorization", "Bearer " + issued.get("token").asText()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(traits("Jeton", "Paul", "M", "1966-06-07",
                        null)))).build());
        assertEquals(201, viaToken.statusCode(), viaToken.body());
        assertEquals("staff:admin", JSON.readTree(viaToken.body()).at("/identity/createdBy").asText());
    }

    @Test
    void aBodyNamingTheOperatorIsRefusedOnEveryIdentityRoute() throws Exception {
        long id = create("Operateur", "Paul", "M", "1971-07-01", null).at("/identity/id").asLong();
        Map<String, Object> forged = new HashMap<>(traits("Operateur", "Paul", "M", "1971-07-02", null));
        forged.put("operator", "dr-house");

        for (HttpResponse<String> r : List.of(send("POST", "/api/v1/identities", forged),
                send("PUT", "/api/v1/identities/" + id, forged),
                send("POST", "/api/v1/identities/" + id + "/actions", Map.of("operator", "dr-house",
                        "action", "DOCUMENT_CHECKED", "document", "PASSPORT")))) {
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("OPERATOR_IN_BODY_REFUSED", JSON.readTree(r.body()).get("error").asText());
        }
        JsonNode record = JSON.readTree(get(staff, "/api/v1/identities/" + id).body());
        assertEquals("PROV", record.get("status").asText());
        assertEquals("1971-07-01", record.get("dateNaissance").asText(), "nothing changed");
    }

    @Test
    void actionsThatWouldSetAnInsWithoutEvidenceDoNotExistOnTheRestApi() throws Exception {
        long id = create("Forge", "Louise", "F", "1991-07-07", null).at("/identity/id").asLong();

        for (Map<String, Object> forged : List.<Map<String, Object>>of(
                Map.of("action", "APCV_QUALIFIED", "matricule", NIR_F, "oid", OID_TEST),
                Map.of("action", "INSI_RETRIEVED", "matricule", NIR_F, "oid", OID_TEST),
                Map.of("action", "INSI_RETRIEVED"),
                Map.of("action", "INSI_VERIFIED"),
                Map.of("action", "DOCUMENT_CHECKED", "document", "PASSPORT", "matricule", NIR_F, "oid", OID_TEST))) {
            HttpResponse<String> r = action(id, forged);
            assertEquals(400, r.statusCode(), forged + " " + r.body());
            assertEquals("EVIDENCE_REQUIRED", JSON.readTree(r.body()).get("error").asText(), forged.toString());
        }
        JsonNode record = JSON.readTree(get(staff, "/api/v1/identities/" + id).body());
        assertEquals("PROV", record.get("status").asText());
        assertTrue(record.at("/ins").isMissingNode(), "no INS was set");
        assertEquals("[]", JSON.readTree(get(staff, "/api/v1/audit?subject=identity:" + id + "&action=IDENTITY_ACTION")
                .body()).get("entries").toString(), "a refused action changes nothing and audits no change");
        RegistryRejection direct = assertThrows(RegistryRejection.class, () -> hub.identities().apply(id,
                RnivRequest.withIns(RnivAction.of(RnivAction.Kind.APCV_QUALIFIED), InsMatricule.parse(NIR_F),
                        InsOid.parse(OID_TEST), "somebody")));
        assertEquals("EVIDENCE_REQUIRED", direct.code(), "not through the Java API either");
    }

    @Test
    void doubtfulIdentityStaysProvAndAnInsiAnswerIsRefusedWithItsCode() throws Exception {
        long id = create("Inconnu", "Homme", "M", "1970-00-00", null).at("/identity/id").asLong();
        HttpResponse<String> dout = action(id, Map.of("action", "ATTRIBUTE_SET", "attribute", "DOUT"));
        assertEquals("PROV", JSON.readTree(dout.body()).at("/identity/status").asText());
        assertFalse(JSON.readTree(dout.body()).at("/identity/mayCallInsi").asBoolean());

        RegistryRejection insi = assertThrows(RegistryRejection.class,
                () -> adopt(id, TraitsInput.of("INCONNU", "HOMME", "M", "1970-05-05"), NIR_M));
        assertEquals("RNIV_INSI_NOT_ALLOWED", insi.code());
        HttpResponse<String> doc = action(id, Map.of("action", "DOCUMENT_CHECKED", "document", "PASSPORT"));
        assertEquals("RNIV_DOUBTFUL_STAYS_PROV", JSON.readTree(doc.body()).get("error").asText());
        assertEquals("PROV", JSON.readTree(get(staff, "/api/v1/identities/" + id).body()).get("status").asText());
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
    void anotherPersonsAnswerLeavesTheRecordUnchangedAndFlagsAPossibleCollisionForTheCell() throws Exception {
        long holder = adopted(adopt(OptionalLong.empty(), TraitsInput.of("NGUYEN", "THI LAN", "F", "1985-07-14")
                .withLieuNaissance("99243"), "285079924351219", "1.2.250.1.213.1.4.9")).record().id();
        long legrand = create("Legrand", "Sophie", "F", "1990-11-20", "33063").at("/identity/id").asLong();
        IdentityRecord before = hub.identities().find(legrand).orElseThrow();

        Adoption a = adopt(OptionalLong.of(legrand), TraitsInput.of("NGUYEN", "THI LAN", "F", "1985-07-14")
                .withLieuNaissance("99243"), "285079924351219", "1.2.250.1.213.1.4.9");

        Adoption.Mismatch m = assertInstanceOf(Adoption.Mismatch.class, a);
        assertEquals("birth dates disagree, birth names differ, first names disagree, birth places differ",
                m.verdict().reason());
        assertEquals(before, hub.identities().find(legrand).orElseThrow(), "nothing changed");
        VigilanceFlag flag = m.flag().orElseThrow();
        assertEquals(VigilanceFlag.Kind.COLP, flag.kind(), "two people under one identity, not a duplicate");
        assertEquals(VigilanceFlag.Reason.IDENTITY_MISMATCH, flag.reasonCode());
        assertEquals(List.of(Math.min(holder, legrand), Math.max(holder, legrand)), List.of(flag.recordA(),
                flag.recordB()), "the record and the one holding the INS returned");
        assertEquals(List.of(), historyOf(legrand), "no INS was put on the record, not even in its history");
        assertTrue(hub.identities().flags(false, 500).stream().noneMatch(f -> f.kind() == VigilanceFlag.Kind.DOUB
                && (f.recordA() == legrand || Long.valueOf(legrand).equals(f.recordB()))));

        JsonNode listed = JSON.readTree(get(staff, "/api/v1/vigilance/flags").body());
        assertTrue(listed.toString().contains("\"flagId\":" + flag.flagId()), listed.toString());
        assertFalse(listed.toString().contains("285079924351219"), "flags never carry a matricule");
    }

    @Test
    void aMismatchWithNoOtherHolderFlagsTheRecordAloneOnce() throws Exception {
        long id = create("Seul", "Marc", "M", "1959-09-09", null).at("/identity/id").asLong();
        TraitsInput other = TraitsInput.of("AUTRE", "PERSONNE", "F", "1959-09-09");

        Adoption.Mismatch first = assertInstanceOf(Adoption.Mismatch.class, adopt(id, other, "259097511800126"));
        Adoption.Mismatch again = assertInstanceOf(Adoption.Mismatch.class, adopt(id, other, "259097511800126"));

        assertEquals(null, first.flag().orElseThrow().recordB());
        assertEquals(List.of(), again.flagsRaised(), "one open flag per record and reason");
        JsonNode flags = JSON.readTree(get(staff, "/api/v1/vigilance/flags").body()).get("flags");
        boolean listed = false;
        for (JsonNode f : flags) {
            listed |= f.get("recordA").asLong() == id && f.get("recordB").isNull()
                    && f.get("reasonCode").asText().equals("IDENTITY_MISMATCH");
        }
        assertTrue(listed, flags.toString());
    }

    @Test
    void sameInsOnTwoDifferentPeopleIsAPossibleCollisionNeverADuplicate() throws Exception {
        long a = create("Martin", "Jeanne", "F", "1980-03-01", null).at("/identity/id").asLong();
        adopted(adopt(a, TraitsInput.of("MARTIN", "JEANNE", "F", "1980-03-01"), NIR_M));
        // the cell corrects record a to another person; the INS it held stays on it
        assertEquals(200, send("PUT", "/api/v1/identities/" + a, traits("Martin", "Jeanne", "F", "1981-03-01", null))
                .statusCode());

        Saved b = adopted(adopt(OptionalLong.empty(), TraitsInput.of("MARTIN", "JEANNE", "F", "1980-03-01"), NIR_M));

        VigilanceFlag flag = b.raised().get(0);
        assertEquals(VigilanceFlag.Kind.COLP, flag.kind());
        assertEquals(VigilanceFlag.Reason.SAME_INS_DIFFERENT_TRAITS, flag.reasonCode());
        assertEquals(a, flag.recordA());
        String fr = get(staff, "/vigilance").body();
        assertTrue(fr.contains("<html lang=\"fr\">") && fr.contains("Identitovigilance") && fr.contains("<table id=\"flags\">")
                && fr.contains("<table id=\"changes\">"));
        assertTrue(get(staff, "/vigilance?lang=en").body().contains("Identity vigilance"));
        assertEquals(200, get(staff, "/vigilance.js").statusCode());
    }

    @Test
    void aQualRecordNeverChangesThroughAnAnswerAnAdminAcceptsOrRefusesTheChange() throws Exception {
        long id = create("Legrand", "Sophie", "F", "1990-11-21", null).at("/identity/id").asLong();
        adopted(adopt(id, TraitsInput.of("LEGRAND", "SOPHIE", "F", "1990-11-21"), NIR_F2));
        action(id, Map.of("action", "DOCUMENT_CHECKED", "document", "PASSPORT"));
        IdentityRecord qual = hub.identities().find(id).orElseThrow();
        assertEquals("QUAL", qual.state().status().name());

        // the same INS and traits: verified, nothing to change
        assertEquals(qual.traits(), adopted(adopt(id, TraitsInput.of("LEGRAND", "SOPHIE", "F", "1990-11-21"), NIR_F2))
                .record().traits());
        // the same person with a longer list of first names and a birth place: a change request
        TraitsInput fuller = TraitsInput.of("LEGRAND", "SOPHIE MARIE", "F", "1990-11-21").withLieuNaissance("33063");
        Adoption.ChangeRequested asked = assertInstanceOf(Adoption.ChangeRequested.class, adopt(id, fuller, NIR_F2));
        Adoption.ChangeRequested again = assertInstanceOf(Adoption.ChangeRequested.class, adopt(id, fuller, NIR_F2));
        assertEquals(asked.request().requestId(), again.request().requestId(), "one open request for one change");
        IdentityRecord unchanged = hub.identities().find(id).orElseThrow();
        assertEquals("QUAL", unchanged.state().status().name());
        assertEquals("SOPHIE", unchanged.traits().listePrenomText());

        JsonNode listed = JSON.readTree(get(viewer, "/api/v1/vigilance/change-requests").body());
        assertTrue(listed.toString().contains("\"requestId\":" + asked.request().requestId()), listed.toString());
        assertFalse(listed.toString().contains(NIR_F2), "change requests show the INS masked");
        assertEquals(403, viewer.send("POST", "/api/v1/vigilance/change-requests/" + asked.request().requestId()
                + "/accept", Map.of()).statusCode(), "a viewer may not decide");

        HttpResponse<String> accepted = send("POST", "/api/v1/vigilance/change-requests/" + asked.request().requestId()
                + "/accept", Map.of());
        assertEquals(200, accepted.statusCode(), accepted.body());
        JsonNode now = JSON.readTree(accepted.body()).get("identity");
        assertEquals("SOPHIE MARIE", now.get("listePrenom").asText());
        assertEquals("RECUP", now.get("status").asText(), "new strict traits: the passport must be checked again");
        assertEquals("CHANGE_REQUEST_CLOSED", JSON.readTree(send("POST", "/api/v1/vigilance/change-requests/"
                + asked.request().requestId() + "/accept", Map.of()).body()).get("error").asText());
        JsonNode audit = JSON.readTree(get(staff, "/api/v1/audit?action=IDENTITY_CHANGE_ACCEPTED&subject=identity:" + id)
                .body()).get("entries");
        assertEquals("admin", audit.get(0).get("actor").asText());

        // another INS for the same person on the QUAL record: a request; refused, nothing changes
        action(id, Map.of("action", "DOCUMENT_CHECKED", "document", "PASSPORT"));
        TraitsInput same = TraitsInput.of("LEGRAND", "SOPHIE MARIE", "F", "1990-11-21").withLieuNaissance("33063");
        Adoption.ChangeRequested otherIns = assertInstanceOf(Adoption.ChangeRequested.class, adopt(id, same, NIR_F));
        HttpResponse<String> refused = send("POST", "/api/v1/vigilance/change-requests/"
                + otherIns.request().requestId() + "/refuse", Map.of("note", "INS of a homonym"));
        assertEquals(200, refused.statusCode(), refused.body());
        assertEquals("REFUSED", JSON.readTree(refused.body()).get("status").asText());
        assertEquals(NIR_F2, hub.identities().find(id).orElseThrow().matricule().orElseThrow().value());
        assertEquals(1, JSON.readTree(get(staff, "/api/v1/audit?action=IDENTITY_CHANGE_REFUSED&subject=identity:" + id)
                .body()).get("entries").size());
    }

    @Test
    void aChangeRequestForARecordChangedSinceIsStale() throws Exception {
        long id = create("Perime", "Anne", "F", "1977-07-17", null).at("/identity/id").asLong();
        adopted(adopt(id, TraitsInput.of("PERIME", "ANNE", "F", "1977-07-17"), NIR_F2));
        action(id, Map.of("action", "DOCUMENT_CHECKED", "document", "PASSPORT"));
        Adoption.ChangeRequested asked = assertInstanceOf(Adoption.ChangeRequested.class,
                adopt(id, TraitsInput.of("PERIME", "ANNE CLAIRE", "F", "1977-07-17"), NIR_F2));
        action(id, Map.of("action", "ATTRIBUTE_SET", "attribute", "HOMA"));

        HttpResponse<String> r = send("POST", "/api/v1/vigilance/change-requests/" + asked.request().requestId()
                + "/accept", null);
        assertEquals(409, r.statusCode(), r.body());
        assertEquals("CHANGE_REQUEST_STALE", JSON.readTree(r.body()).get("error").asText());
        assertEquals("ANNE", hub.identities().find(id).orElseThrow().traits().listePrenomText());
    }

    @Test
    void aRecordsOldInsIsKeptAsInvalidatedAndHistoryRowsAreNeverRepeated() throws Exception {
        long id = create("Histoire", "Paul", "M", "1955-05-05", null).at("/identity/id").asLong();
        TraitsInput paul = TraitsInput.of("HISTOIRE", "PAUL", "M", "1955-05-05");
        RnivRequest.PastIns former = new RnivRequest.PastIns(InsMatricule.parse("155057511800114"),
                InsOid.parse(OID_TEST), LocalDate.of(1955, 5, 10), LocalDate.of(2001, 1, 1));
        for (int i = 0; i < 3; i++) {
            adopted(hub.identities().adopt(OptionalLong.of(id), paul, new RnivRequest(RnivAction.of(
                    RnivAction.Kind.INSI_RETRIEVED), java.util.Optional.of(InsMatricule.parse(NIR_M)),
                    java.util.Optional.of(InsOid.parse(OID_TEST)), List.of(former), "agent")));
        }
        assertEquals(List.of("INSI " + NIR_M, "INSHISTO 155057511800114"), historyOf(id), "each fact once");

        adopted(adopt(id, paul, "155057511800114"));

        assertEquals(List.of("INSI " + NIR_M, "INSHISTO 155057511800114", "INVALIDATED " + NIR_M,
                "INSI 155057511800114"), historyOf(id), "the INS replaced is kept as invalidated");
        HttpResponse<String> one = get(staff, "/api/v1/identities/" + id);
        JsonNode history = JSON.readTree(one.body()).get("insHistory");
        assertEquals(4, history.size(), one.body());
        assertEquals("INSHISTO", history.get(1).get("source").asText());
        assertEquals("1955-05-10", history.get(1).get("validFrom").asText());
        assertEquals("1************14", history.get(1).get("masked").asText());
        assertFalse(one.body().contains(NIR_M) || one.body().contains("155057511800114"), "history is shown masked");
    }

    @Test
    void theCellMergesAProbableDuplicateKeepingTheRecordItChoosesAndTheOtherChangesNoMore() throws Exception {
        long a = create("Fusion", "Louise", "F", "1966-06-06", null).at("/identity/id").asLong();
        JsonNode second = create("Fusion", "Louise Marie", "F", "1966-06-06", "75056");
        long b = second.at("/identity/id").asLong();
        long flag = second.at("/flagsRaised/0/flagId").asLong();
        assertEquals("DOUB", second.at("/flagsRaised/0/kind").asText(), second.toString());

        assertEquals(403, viewer.send("POST", "/api/v1/vigilance/flags/" + flag + "/merge", Map.of("survivor", b))
                .statusCode(), "a viewer merges nothing");
        HttpResponse<String> merged = send("POST", "/api/v1/vigilance/flags/" + flag + "/merge", Map.of("survivor", b));
        assertEquals(200, merged.statusCode(), merged.body());
        assertEquals(b, JSON.readTree(merged.body()).at("/survivor/id").asLong());
        assertEquals(a, JSON.readTree(merged.body()).at("/absorbed").asLong());

        assertEquals(b, JSON.readTree(get(staff, "/api/v1/identities/" + a).body()).at("/mergedInto").asLong());
        assertFalse(get(staff, "/api/v1/identities/" + b).body().contains("mergedInto"), "the record kept is active");
        assertTrue(hub.identities().flags(false, 500).stream().noneMatch(f -> f.flagId() == flag), "the flag is resolved");
        var audit = hub.audit().latest("identity:" + b, List.of("IDENTITY_MERGED"), 5);
        assertEquals(1, audit.size());
        assertEquals("admin", audit.get(0).actor(), "the signed-in admin");
        assertEquals(Long.toString(a), audit.get(0).details().get("absorbed"));

        HttpResponse<String> change = send("PUT", "/api/v1/identities/" + a, traits("Fusion", "Louise", "F",
                "1966-06-06", "75056"));
        assertEquals(409, change.statusCode(), change.body());
        assertEquals("IDENTITY_MERGED", JSON.readTree(change.body()).get("error").asText());
        assertEquals("FLAG_CLOSED", JSON.readTree(send("POST", "/api/v1/vigilance/flags/" + flag + "/merge",
                Map.of("survivor", b)).body()).get("error").asText());

        JsonNode third = create("Fusion", "Louise", "F", "1966-06-06", null);
        List<Long> paired = new java.util.ArrayList<>();
        third.get("flagsRaised").forEach(f -> paired.add(f.get("recordA").asLong()));
        assertEquals(List.of(b), paired, "duplicate detection no longer pairs the merged record");
    }

    @Test
    void aMergeThatCouldJoinTwoPeopleOrLoseEvidenceIsRefused() throws Exception {
        // a collision flag is never merged
        long lone = create("Collision", "Eve", "F", "1967-07-07", null).at("/identity/id").asLong();
        Adoption.Mismatch mismatch = assertInstanceOf(Adoption.Mismatch.class,
                adopt(lone, TraitsInput.of("AUTRE", "PERSONNE", "F", "1967-07-07"), NIR_F2));
        assertEquals("MERGE_NOT_A_DUPLICATE", JSON.readTree(send("POST", "/api/v1/vigilance/flags/"
                + mismatch.flag().orElseThrow().flagId() + "/merge", Map.of("survivor", lone)).body()).get("error").asText());

        // two INS: maybe two people
        long x = create("Deuxins", "Rose", "F", "1968-08-08", null).at("/identity/id").asLong();
        JsonNode y = create("Deuxins", "Rose", "F", "1968-08-08", null);
        long flag = y.at("/flagsRaised/0/flagId").asLong();
        adopted(adopt(x, TraitsInput.of("DEUXINS", "ROSE", "F", "1968-08-08"), NIR_F2));
        adopted(adopt(y.at("/identity/id").asLong(), TraitsInput.of("DEUXINS", "ROSE", "F", "1968-08-08"),
                "280057505612389"));
        HttpResponse<String> twoIns = send("POST", "/api/v1/vigilance/flags/" + flag + "/merge", Map.of("survivor", x));
        assertEquals(409, twoIns.statusCode(), twoIns.body());
        assertEquals("MERGE_INS_DIFFER", JSON.readTree(twoIns.body()).get("error").asText());

        // the record kept must not have less evidence than the other
        long qual = create("Preuve", "Lise", "F", "1969-09-09", null).at("/identity/id").asLong();
        JsonNode prov = create("Preuve", "Lise", "F", "1969-09-09", null);
        long flag2 = prov.at("/flagsRaised/0/flagId").asLong();
        adopted(adopt(qual, TraitsInput.of("PREUVE", "LISE", "F", "1969-09-09"), NIR_F));
        action(qual, Map.of("action", "DOCUMENT_CHECKED", "document", "PASSPORT"));
        HttpResponse<String> weaker = send("POST", "/api/v1/vigilance/flags/" + flag2 + "/merge",
                Map.of("survivor", prov.at("/identity/id").asLong()));
        assertEquals("MERGE_SURVIVOR_WEAKER", JSON.readTree(weaker.body()).get("error").asText(), weaker.body());
        assertEquals("MERGE_SURVIVOR_NOT_IN_FLAG", JSON.readTree(send("POST", "/api/v1/vigilance/flags/" + flag2
                + "/merge", Map.of("survivor", lone)).body()).get("error").asText());
        assertEquals(200, send("POST", "/api/v1/vigilance/flags/" + flag2 + "/merge", Map.of("survivor", qual))
                .statusCode(), "keeping the qualified record is allowed");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Adoption adopt(long id, TraitsInput returned, String matricule) throws Exception {
        return adopt(OptionalLong.of(id), returned, matricule, OID_TEST);
    }

    private static Adoption adopt(OptionalLong id, TraitsInput returned, String matricule) throws Exception {
        return adopt(id, returned, matricule, OID_TEST);
    }

    /** What the admission service does with an identity its own INSi call returned. */
    private static Adoption adopt(OptionalLong id, TraitsInput returned, String matricule, String oid) throws Exception {
        return hub.identities().adopt(id, returned, RnivRequest.withIns(RnivAction.of(RnivAction.Kind.INSI_RETRIEVED),
                InsMatricule.parse(matricule), InsOid.parse(oid), "810001234565"));
    }

    private static Saved adopted(Adoption a) {
        return assertInstanceOf(Adoption.Adopted.class, a, String.valueOf(a)).saved();
    }

    private static List<String> historyOf(long id) throws Exception {
        try (Connection c = hub.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT source, matricule FROM identity_ins_history WHERE record_id = ? ORDER BY history_id")) {
            ps.setLong(1, id);
            List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            return out;
        }
    }

    private static Map<String, Object> traits(String nom, String prenoms, String sexe, String date, String lieu) {
        Map<String, Object> body = new HashMap<>(Map.of("nomNaissance", nom, "listePrenom", prenoms, "sexe", sexe,
                "dateNaissance", date));
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
        return send("POST", "/api/v1/identities/" + id + "/actions", fields);
    }

    private static HttpResponse<String> send(String method, String path, Map<String, Object> body) throws Exception {
        return staff.send(method, path, body);
    }

    private static HttpResponse<String> get(StaffClient who, String path) throws IOException, InterruptedException {
        return who.get(path);
    }
}
