package fr.vigie.hub.sandbox;

import static fr.vigie.hub.HubServicesFixture.auditLog;
import static fr.vigie.hub.HubServicesFixture.provenAgents;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.hub.admission.AdmissionCaller;
import fr.vigie.hub.admission.AdmissionRejection;
import fr.vigie.hub.admission.AdmissionResult;
import fr.vigie.hub.admission.AdmissionService;
import fr.vigie.hub.admission.IdentityComparison;
import fr.vigie.hub.admission.TraitDifference;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.device.DeviceRole;
import fr.vigie.hub.identity.RnivRequest;
import fr.vigie.hub.identity.VigilanceFlag;
import fr.vigie.hub.insi.InsiSearch;
import fr.vigie.hub.insi.VitaleQuery;
import fr.vigie.hub.sandbox.apcv.ApcvIssuer;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.hub.sandbox.insi.InsiSimulator;
import fr.vigie.hub.sandbox.insi.SimulatedFault;
import fr.vigie.hub.sandbox.insi.SimulatorBehaviour;
import fr.vigie.hub.testing.Events;
import fr.vigie.hub.testing.KioskClients;
import fr.vigie.hub.testing.TestAgents;
import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.EventIdGenerator;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.Topics;
import fr.vigie.protocol.device.IdentitySource;
import fr.vigie.protocol.identity.BirthDate;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.hub.identity.rniv.IdentityAttribute;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.hub.identity.rniv.RnivAction;
import fr.vigie.protocol.identity.Trait;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admission for real: a hub (embedded PostgreSQL) pointed by its {@code hub.insi.*} and {@code hub.apcv.*}
 * settings at the sandbox's INSi simulator (mutual TLS with an INSI-AUTO establishment certificate) and
 * ApCV key, driven through its admission service as
 * the device API does, for the agent the hub proved at an admission desk (card signature over a hub nonce,
 * the card certified by the sandbox IGC-Santé). Each test uses identities no other test qualifies, so the registry's duplicate
 * rule only pairs what a test means to pair.
 */
class AdmissionIT {
    private static final MutableClock CLOCK = MutableClock.followingSystemTime();
    private static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "accueil-1");

    @TempDir
    static Path dataDir;
    static SandboxHub sandboxHub;
    static EdgeHub hub;
    private static StaffClient staff;
    static AdmissionService admission;
    static InsiSimulator insi;
    static AdmissionCaller agent;

    @BeforeAll
    static void startHub() throws Exception {
        sandboxHub = SandboxHub.start(Map.of(HubConfig.DATA_DIR, dataDir.toString(), HubConfig.HTTP_PORT, "0",
                HubConfig.MQTT_PORT, "0", HubPkiConfig.DEVICE_API_PORT, "0", HubPkiConfig.SITE, KIOSK.site()), CLOCK);
        hub = sandboxHub.hub();
        admission = hub.admission();
        insi = sandboxHub.sandbox().insi().simulator();
        provenAgents(hub).roles().set(KIOSK, DeviceRole.ADMISSION_DESK, "it-test");
        TestAgents.prove(hub, KIOSK, "session-1", TestAgents.issue(sandboxHub.sandbox().igcSante().ca(),
                "810001234565"));
        agent = new AdmissionCaller(KIOSK, provenAgents(hub).require(KIOSK, "admission").agent());
    }

    @AfterAll
    static void stop() {
        if (sandboxHub != null) {
            sandboxHub.close();
        }
    }

    @BeforeEach
    void normal() {
        insi.behave(SimulatorBehaviour.NORMAL);
    }

    private static String code(ThrowingStep step) {
        return assertThrows(AdmissionRejection.class, step::run).error().name();
    }

    private interface ThrowingStep {
        void run() throws Exception;
    }

    @Test
    void typedTraitsGiveRecupThenThePassportGivesQual() throws Exception {
        AdmissionResult r = admission.byTraits(agent, TraitsInput.of("Dupont", "Marie Claire", "f", "1980-05-12")
                .withNomUtilise("Durand"), OptionalLong.empty());

        assertEquals("RECUP", r.record().state().status().name());
        assertEquals("280057505612389", r.record().matricule().orElseThrow().value());
        assertEquals("1.2.250.1.213.1.4.10", r.record().oid().orElseThrow().oid());
        assertEquals("75056", r.record().traits().lieuNaissance().orElseThrow().code(), "INSi's birth place is kept");
        assertEquals("DURAND", r.record().traits().nomUtilise().orElseThrow(), "the nom utilisé typed is kept");
        assertEquals(List.of(new TraitDifference(Trait.LIEU_NAISSANCE, null, "75056")), r.differences());
        assertEquals(List.of(new InsiSearch.Step(InsiSearch.PrenomSent.PREMIER_PRENOM, "00")), r.insiSteps());

        AdmissionResult qual = admission.documentChecked(agent, r.record().id(), HighTrustDocument.PASSPORT);

        assertEquals("QUAL", qual.record().state().status().name());
        assertEquals(HighTrustDocument.PASSPORT, qual.record().document().orElseThrow());
    }

    @Test
    void premierPrenomAloneFindsTwoAndTheFullListFindsOne() throws Exception {
        AdmissionResult r = admission.byTraits(agent, TraitsInput.of("D'Artagnan de l'Hérault", "Pierre-Alain Jean", "M",
                "1950-03-15"), OptionalLong.empty());

        assertEquals(List.of(new InsiSearch.Step(InsiSearch.PrenomSent.PREMIER_PRENOM, "02"),
                new InsiSearch.Step(InsiSearch.PrenomSent.FULL_LIST, "00")), r.insiSteps());
        assertEquals("150033201301166", r.record().matricule().orElseThrow().value());
    }

    @Test
    void severalMatchesAskForTheBirthPlaceWhichThenResolvesThem() throws Exception {
        TraitsInput martin = TraitsInput.of("Martin", "Jean", "M", "1975-03-03");

        AdmissionRejection e = assertThrows(AdmissionRejection.class,
                () -> admission.byTraits(agent, martin, OptionalLong.empty()));
        assertEquals("INSI_SEVERAL_MATCHES", e.error().name());
        assertTrue(e.getMessage().contains("birth place"));

        AdmissionResult r = admission.byTraits(agent, martin.withLieuNaissance("69123"), OptionalLong.empty());
        assertEquals("175036912304537", r.record().matricule().orElseThrow().value());
    }

    @Test
    void noMatchIsReportedAndNoRecordIsMade() throws Exception {
        assertEquals("INSI_NO_MATCH", code(() -> admission.byTraits(agent, TraitsInput.of("Personne", "Nul", "M",
                "1901-01-01"), OptionalLong.empty())));
        assertEquals(0, count("SELECT count(*) FROM identity_records WHERE nom_naissance = 'PERSONNE'"));
    }

    @Test
    void forbiddenCharactersAreRefusedWithEveryReasonBeforeInsiIsCalled() throws Exception {
        int before = insi.requestsReceived();

        AdmissionRejection e = assertThrows(AdmissionRejection.class, () -> admission.byTraits(agent,
                TraitsInput.of("D'Æion", "Cœur", "F", "1990-01-01"), OptionalLong.empty()));

        assertEquals("INSI_TRAITS_REJECTED", e.error().name());
        assertEquals(400, e.error().status());
        assertEquals(List.of(Trait.NOM_NAISSANCE, Trait.LISTE_PRENOM), e.traitRejections().stream()
                .map(r -> r.trait()).toList());
        assertEquals("TRAIT_LIGATURE", e.traitRejections().get(0).error().name());
        assertEquals(before, insi.requestsReceived());
    }

    @Test
    void insiDownIsReportedAsUnavailable() throws Exception {
        insi.behave(SimulatorBehaviour.HTTP_500);

        AdmissionRejection e = assertThrows(AdmissionRejection.class, () -> admission.byTraits(agent,
                TraitsInput.of("Nguyen", "Thi Lan", "F", "1985-07-14"), OptionalLong.empty()));

        assertEquals("INSI_UNAVAILABLE", e.error().name());
        assertEquals(503, e.error().status());
    }

    @Test
    void theVitaleCardRetrievesTheActiveInsAndKeepsTheHistory() throws Exception {
        InsMatricule former = InsMatricule.parse("290113306308773");
        VitaleQuery card = new VitaleQuery(former, former, "LEGRAND", BirthDate.parse("1990-11-20"), 1);
        long id = hub.identities().create(TraitsInput.of("Legrand", "Sophie", "F", "1990-11-20"), "agent").record().id();

        AdmissionResult r = admission.byVitale(agent, card, OptionalLong.of(id));

        assertEquals("RECUP", r.record().state().status().name());
        assertEquals("290113306310159", r.record().matricule().orElseThrow().value(), "the active INS, not the card's");
        assertEquals("SOPHIE", r.record().traits().listePrenomText());
        assertEquals(List.of("INSI", "INSHISTO"), sources(r.record().id()));
    }

    @Test
    void aDoubtfulRecordNeverReachesInsi() throws Exception {
        long id = hub.identities().create(TraitsInput.of("Doutes", "Anne", "F", "1961-02-03"), "agent").record().id();
        hub.identities().apply(id, RnivRequest.of(RnivAction.attributeSet(IdentityAttribute.DOUT), "cell"));
        int before = insi.requestsReceived();

        assertEquals("RNIV_INSI_NOT_ALLOWED", code(() -> admission.byTraits(agent,
                TraitsInput.of("Doutes", "Anne", "F", "1961-02-03"), OptionalLong.of(id))));
        assertEquals(before, insi.requestsReceived());
        assertEquals("PROV", hub.identities().find(id).orElseThrow().state().status().name());
    }

    @Test
    void aDoubtfulOrFictitiousRecordKeepsInsiAwayEvenWhenNoRecordIsSelected() throws Exception {
        long fict = hub.identities().create(TraitsInput.of("Anonyme", "Naissance", "F", "2024-05-05"), "agent").record()
                .id();
        hub.identities().apply(fict, RnivRequest.of(RnivAction.attributeSet(IdentityAttribute.FICT), "cell"));
        long dout = hub.identities().create(TraitsInput.of("Douteux", "Marc", "M", "1962-06-06"), "agent").record().id();
        hub.identities().apply(dout, RnivRequest.of(RnivAction.attributeSet(IdentityAttribute.DOUT), "cell"));
        int before = insi.requestsReceived();

        AdmissionRejection typed = assertThrows(AdmissionRejection.class, () -> admission.byTraits(agent,
                TraitsInput.of("ANONYME", "Naissance Marie", "F", "2024-05-05"), OptionalLong.empty()));
        AdmissionRejection used = assertThrows(AdmissionRejection.class, () -> admission.byTraits(agent,
                TraitsInput.of("Autre", "Marc", "M", "1962-06-06").withNomUtilise("Douteux"), OptionalLong.empty()));
        InsMatricule nir = InsMatricule.parse("162067511800175");
        AdmissionRejection card = assertThrows(AdmissionRejection.class, () -> admission.byVitale(agent,
                new VitaleQuery(nir, nir, "DOUTEUX", BirthDate.parse("1962-06-06"), 1), OptionalLong.empty()));

        for (AdmissionRejection e : List.of(typed, used, card)) {
            assertEquals("RNIV_INSI_NOT_ALLOWED", e.error().name());
            assertTrue(e.getMessage().contains("INSi is not called"), e.getMessage());
        }
        assertTrue(typed.getMessage().contains("record " + fict), typed.getMessage());
        assertTrue(card.getMessage().contains("record " + dout), card.getMessage());
        assertEquals(before, insi.requestsReceived(), "INSi was never called");
    }

    @Test
    void aRecordOnceHoldingTheCardsInsAndMarkedDoubtfulKeepsInsiAway() throws Exception {
        AdmissionResult casanova = admission.byTraits(agent, TraitsInput.of("Casanova", "Anna", "F", "1997-02-08"),
                OptionalLong.empty());
        long id = casanova.record().id();
        hub.identities().apply(id, RnivRequest.of(RnivAction.attributeSet(IdentityAttribute.DOUT), "cell"));
        InsMatricule ins = casanova.record().matricule().orElseThrow();
        int before = insi.requestsReceived();

        assertEquals("RNIV_INSI_NOT_ALLOWED", code(() -> admission.byVitale(agent, new VitaleQuery(ins, ins,
                "CASANOVA", BirthDate.parse("1997-02-08"), 1), OptionalLong.empty())));
        assertEquals(before, insi.requestsReceived());
        hub.identities().apply(id, RnivRequest.of(RnivAction.attributeCleared(IdentityAttribute.DOUT), "cell"));
    }

    @Test
    void anApcvTokenQualifiesWithoutInsiOnceAndIsRefusedWhenReplayed() throws Exception {
        ApcvIssuer issuer = sandboxHub.sandbox().apcv();
        String token = issuer.issue(new ApcvIssuer.Identity("297022A02099951", "1.2.250.1.213.1.4.10", "ROSSI",
                "LAURA", "F", "1997-02-27", "2A004"), "chu-nord", Duration.ofMinutes(2));
        int before = insi.requestsReceived();

        AdmissionResult r = admission.byApcv(agent, token, OptionalLong.empty());

        assertEquals("QUAL", r.record().state().status().name());
        assertEquals("297022A02099951", r.record().matricule().orElseThrow().value());
        assertEquals(before, insi.requestsReceived());
        assertEquals(List.of("APCV"), sources(r.record().id()));
        assertEquals("APCV_REPLAYED", code(() -> admission.byApcv(agent, token, OptionalLong.empty())));
        AdmissionCaller elsewhere = new AdmissionCaller(KioskAddress.of("chu-sud", "accueil-1"), agent.agent());
        assertEquals("APCV_WRONG_AUDIENCE", code(() -> admission.byApcv(elsewhere, issuer.issue(new ApcvIssuer.Identity(
                "297022A02099951", "1.2.250.1.213.1.4.10", "ROSSI", "LAURA", "F", "1997-02-27", null), "chu-nord",
                Duration.ofMinutes(2)), OptionalLong.empty())));
    }

    @Test
    void aQualRecordSearchedWithAnotherPersonsTraitsIsLeftUnchangedAndTheCellIsTold() throws Exception {
        // issue 11, seen 1 and 2: NGUYEN already has a record; LEGRAND is QUAL; a search with NGUYEN's traits
        // for LEGRAND's record must neither turn LEGRAND into NGUYEN nor call the two a duplicate
        long nguyen = admission.byTraits(agent, TraitsInput.of("Nguyen", "Thi Lan", "F", "1985-07-14"),
                OptionalLong.empty()).record().id();
        IdentityRecord legrand = qualLegrand();
        int flagsBefore = hub.identities().flags(false, 500).size();

        AdmissionRejection e = assertThrows(AdmissionRejection.class, () -> admission.byTraits(agent,
                TraitsInput.of("Nguyen", "Thi Lan", "F", "1985-07-14"), OptionalLong.of(legrand.id())));

        assertEquals("IDENTITY_MISMATCH", e.error().name());
        assertEquals(409, e.error().status());
        assertEquals(legrand, hub.identities().find(legrand.id()).orElseThrow(), "nothing changed: traits, INS, QUAL");
        IdentityComparison both = e.comparison().orElseThrow();
        assertEquals("LEGRAND", both.local().nomNaissance());
        assertEquals("NGUYEN", both.returned().nomNaissance());
        assertEquals("2************19", both.returnedInsMasked());
        assertEquals(List.of(Trait.NOM_NAISSANCE, Trait.LISTE_PRENOM, Trait.DATE_NAISSANCE, Trait.LIEU_NAISSANCE),
                both.differences().stream().map(TraitDifference::trait).toList());
        VigilanceFlag flag = hub.identities().flags(false, 500).stream()
                .filter(f -> f.flagId() == both.flagId().orElseThrow()).findFirst().orElseThrow();
        assertEquals(VigilanceFlag.Kind.COLP, flag.kind(), "a possible collision, not a duplicate");
        assertEquals(VigilanceFlag.Reason.IDENTITY_MISMATCH, flag.reasonCode());
        assertEquals(List.of(Math.min(nguyen, legrand.id()), Math.max(nguyen, legrand.id())),
                List.of(flag.recordA(), flag.recordB()));
        assertEquals(flagsBefore + 1, hub.identities().flags(false, 500).size(), "one flag, no DOUB");
        assertFalse(sources(legrand.id()).contains("INVALIDATED"), "LEGRAND's INS was not touched");
        assertTrue(auditOutcomes(legrand.id()).contains("IDENTITY_MISMATCH"));
    }

    @Test
    void aBorrowedVitaleCardOfAnotherSexAndBirthDateLeavesTheRecordUnchanged() throws Exception {
        IdentityRecord legrand = qualLegrand();
        InsMatricule dartagnan = InsMatricule.parse("150033201301166");
        VitaleQuery borrowed = new VitaleQuery(dartagnan, dartagnan, "D'ARTAGNAN DE L'HERAULT",
                BirthDate.parse("1950-03-15"), 1);

        AdmissionRejection e = assertThrows(AdmissionRejection.class,
                () -> admission.byVitale(agent, borrowed, OptionalLong.of(legrand.id())));

        assertEquals("IDENTITY_MISMATCH", e.error().name());
        assertTrue(e.getMessage().contains("sex differs") && e.getMessage().contains("birth dates disagree"),
                e.getMessage());
        assertEquals(legrand, hub.identities().find(legrand.id()).orElseThrow());
        assertEquals(IdentitySource.VITALE, e.comparison().orElseThrow().source());
        assertTrue(e.comparison().orElseThrow().flagId().isPresent() || hub.identities().flags(false, 500).stream()
                .anyMatch(f -> f.reasonCode() == VigilanceFlag.Reason.IDENTITY_MISMATCH && f.recordA() == legrand.id()));
    }

    @Test
    void anApcvTokenOfAnotherPersonLeavesTheRecordUnchanged() throws Exception {
        IdentityRecord legrand = qualLegrand();
        String token = sandboxHub.sandbox().apcv().issue(new ApcvIssuer.Identity("297022A02099951",
                "1.2.250.1.213.1.4.10", "ROSSI", "LAURA", "F", "1997-02-27", "2A004"), "chu-nord", Duration.ofMinutes(2));

        assertEquals("IDENTITY_MISMATCH", code(() -> admission.byApcv(agent, token, OptionalLong.of(legrand.id()))));
        assertEquals(legrand, hub.identities().find(legrand.id()).orElseThrow());
    }

    @Test
    void aValidatedRecordThatInsiWouldChangeBecomesAChangeRequest() throws Exception {
        long id = hub.identities().create(TraitsInput.of("Dupont", "Marie", "F", "1980-05-12"), "agent").record().id();
        admission.documentChecked(agent, id, HighTrustDocument.NATIONAL_ID_CARD_EU_EEA_CH);
        IdentityRecord vali = hub.identities().find(id).orElseThrow();
        assertEquals("VALI", vali.state().status().name());

        AdmissionRejection e = assertThrows(AdmissionRejection.class, () -> admission.byTraits(agent,
                TraitsInput.of("Dupont", "Marie", "F", "1980-05-12"), OptionalLong.of(id)));

        assertEquals("IDENTITY_CHANGE_REQUESTED", e.error().name());
        assertEquals(vali, hub.identities().find(id).orElseThrow(), "nothing changed until an admin decides");
        long request = e.comparison().orElseThrow().changeRequestId().orElseThrow();
        assertEquals("MARIE CLAIRE", hub.identities().changeRequests(false, 200).stream()
                .filter(c -> c.requestId() == request).findFirst().orElseThrow().proposed().listePrenomText());
    }

    @Test
    void aQualRecordAnsweredWithItsOwnIdentityIsVerifiedAndUnchanged() throws Exception {
        IdentityRecord legrand = qualLegrand();

        AdmissionResult again = admission.byTraits(agent, TraitsInput.of("Legrand", "Sophie", "F", "1990-11-20"),
                OptionalLong.of(legrand.id()));

        assertEquals("QUAL", again.record().state().status().name());
        assertEquals(legrand.traits(), again.record().traits());
        assertEquals(legrand.matricule(), again.record().matricule());
    }

    @Test
    void aRecordWithATypoIsAnotherPersonForInsiAndIsLeftForTheCell() throws Exception {
        long id = hub.identities().create(TraitsInput.of("Casanovas", "Anna", "F", "1997-02-08")
                .withPrenomUtilise("Annie"), "agent").record().id();
        IdentityRecord before = hub.identities().find(id).orElseThrow();

        AdmissionRejection e = assertThrows(AdmissionRejection.class, () -> admission.byTraits(agent,
                TraitsInput.of("Casanova", "Anna", "F", "1997-02-08"), OptionalLong.of(id)));

        assertEquals("IDENTITY_MISMATCH", e.error().name());
        assertEquals(before, hub.identities().find(id).orElseThrow(), "no typing error is corrected silently");
        assertEquals(List.of(new TraitDifference(Trait.NOM_NAISSANCE, "CASANOVAS", "CASANOVA"),
                new TraitDifference(Trait.LIEU_NAISSANCE, null, "2A020")), e.comparison().orElseThrow().differences());
    }

    @Test
    void aRecupRecordTakesALaterDifferentInsAndKeepsTheOldOneAsInvalidated() throws Exception {
        long id = hub.identities().create(TraitsInput.of("Casanova", "Anna", "F", "1997-02-08")
                .withPrenomUtilise("Annie"), "agent").record().id();

        AdmissionResult r = admission.byTraits(agent, TraitsInput.of("Casanova", "Anna", "F", "1997-02-08"),
                OptionalLong.of(id));

        assertEquals(id, r.record().id());
        assertEquals("RECUP", r.record().state().status().name());
        assertEquals("ANNIE", r.record().traits().prenomUtilise().orElseThrow(), "the local prénom utilisé is kept");
        assertEquals(List.of(new TraitDifference(Trait.LIEU_NAISSANCE, null, "2A020")), r.differences());

        String token = sandboxHub.sandbox().apcv().issue(new ApcvIssuer.Identity("297022A02088865",
                "1.2.250.1.213.1.4.10", "CASANOVA", "ANNA", "F", "1997-02-08", "2A020"), "chu-nord", Duration.ofMinutes(1));
        AdmissionResult q = admission.byApcv(agent, token, OptionalLong.of(id));

        assertEquals("QUAL", q.record().state().status().name());
        assertEquals("297022A02088865", q.record().matricule().orElseThrow().value());
        assertEquals(List.of("INSI", "INVALIDATED", "APCV"), sources(id));
    }

    @Test
    void aPrescriptionScannedForARecordIsListedOnItsVisit() throws Exception {
        long id = hub.identities().create(TraitsInput.of("Bernard", "Paul", "M", "1962-08-30"), "agent").record().id();
        EventEnvelope event = EventEnvelope.of(EventIdGenerator.system().next(), KIOSK, 1, Instant.now(),
                new EventPayload.PrescriptionScanned(id, "RX24AB0012345678", "810001234565"));
        try (KioskClients kiosks = new KioskClients(hub, dataDir.resolve("kiosk"))) {
            kiosks.publish(KIOSK, Topics.event(KIOSK), Events.CODEC.encode(event), false);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/v1/identities/" + id + "/prescriptions")
                .body().contains("RX24AB0012345678"));
        String body = get("/api/v1/identities/" + id + "/prescriptions").body();
        assertTrue(body.contains("\"kioskId\":\"accueil-1\""), body);
        assertFalse(get("/api/v1/identities/" + (id + 1000) + "/prescriptions").statusCode() == 200);
    }

    @Test
    void everyInsiCallOfASearchIsRecordedInPostgresWithItsQueryAndNoFullNir() throws Exception {
        long before = lastInsiCall();

        AdmissionResult r = admission.byTraits(agent, TraitsInput.of("D'Artagnan de l'Hérault", "Pierre-Alain Louis", "M",
                "1950-03-15"), OptionalLong.empty());

        assertEquals(InsiSearch.PrenomSent.FULL_LIST, r.matchedQuery().orElseThrow(), "which query matched");
        List<Map<String, String>> rows = insiCallsAfter(before);
        assertEquals(2, rows.size());
        for (Map<String, String> row : rows) {
            assertEquals("chu-nord/accueil-1", row.get("kiosk"));
            assertEquals("810001234565", row.get("agent"));
            assertEquals(null, row.get("record_id"), "no record was selected");
            assertEquals("RECHERCHER_AVEC_TRAITS", row.get("operation"));
            assertEquals("1", row.get("attempts"));
            assertTrue(row.get("message_id").startsWith("uuid:"));
        }
        assertEquals(List.of("PREMIER_PRENOM", "FULL_LIST"), rows.stream().map(m -> m.get("query_kind")).toList());
        assertEquals(List.of("02", "00"), rows.stream().map(m -> m.get("outcome")).toList());
        assertEquals(List.of("PIERRE-ALAIN", "PIERRE-ALAIN LOUIS"), rows.stream().map(m -> m.get("prenom_sent")).toList());
        assertEquals("D'ARTAGNAN DE L'HERAULT", rows.get(1).get("nom_sent"));
        assertEquals("1************65", rows.get(1).get("ins_masked"));
        assertEquals(0, count("SELECT count(*) FROM insi_calls i WHERE row_to_json(i)::text LIKE '%1500332013012%'"),
                "no full matricule in any column");

        JsonNode page = staff().getJson("/api/v1/insi/calls?after=" + before);
        assertEquals(2, page.get("calls").size());
        assertEquals("FULL_LIST", page.at("/calls/1/queryKind").asText());
        assertTrue(page.at("/calls/1/matched").asBoolean());
        assertEquals("PIERRE-ALAIN LOUIS", page.at("/calls/1/query/Prenom").asText());
        assertFalse(page.toString().contains("1500332013012"), page.toString());
        assertEquals(1, staff().getJson("/api/v1/insi/calls?outcome=02&after=" + before).get("calls").size());
    }

    @Test
    void theInsiCallRecordIsForAdminsOnly() throws Exception {
        assertEquals(201, staff().send("POST", "/api/v1/staff/accounts", Map.of("login", "vigil.viewer", "role", "viewer",
                "password", "viewer password 42")).statusCode());
        StaffClient viewer = StaffClient.signIn(hub.httpUri(), "vigil.viewer", "viewer password 42");

        HttpResponse<String> refused = viewer.get("/api/v1/insi/calls");

        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("STAFF_ROLE_FORBIDDEN"), refused.body());
        assertEquals(400, staff().get("/api/v1/insi/calls?record=abc").statusCode());
        assertEquals(400, staff().get("/api/v1/insi/calls?nir=1").statusCode());
    }

    @Test
    void aVitaleSearchIsRecordedWithTheCardNumbersMaskedAndTheRecordAsked() throws Exception {
        long id = hub.identities().create(TraitsInput.of("Corse", "Anthony", "M", "1980-03-02"), "agent").record().id();
        InsMatricule card = InsMatricule.parse("180032B02040123");
        long before = lastInsiCall();

        AdmissionResult r = admission.byVitale(agent, new VitaleQuery(card, card, "CORSE", BirthDate.parse("1980-03-02"), 1),
                OptionalLong.of(id));

        assertEquals(InsiSearch.PrenomSent.VITALE, r.matchedQuery().orElseThrow());
        List<Map<String, String>> rows = insiCallsAfter(before);
        assertEquals(1, rows.size());
        assertEquals(Long.toString(id), rows.get(0).get("record_id"));
        assertEquals("VITALE", rows.get(0).get("query_kind"));
        assertEquals("00", rows.get(0).get("outcome"));
        assertEquals(0, count("SELECT count(*) FROM insi_calls i WHERE row_to_json(i)::text LIKE '%180032B0204%'"));
        assertEquals(1, count("SELECT count(*) FROM insi_calls WHERE call_id > " + before
                + " AND query->>'MatriculeIndividu' = '1************23'"));
    }

    /** The decision of the README: INSi's answer is kept as sent, flagged, and attached to nothing. */
    @Test
    void anAnswerWhoseKeyDoesNotVerifyChangesNothingAndIsFlaggedForTheCell() throws Exception {
        long id = hub.identities().create(TraitsInput.of("Hermann", "Gatien", "M", "1981-03-24"), "agent").record().id();
        long before = lastInsiCall();

        AdmissionRejection e = assertThrows(AdmissionRejection.class, () -> admission.byTraits(agent,
                TraitsInput.of("Hermann", "Gatien", "M", "1981-03-24"), OptionalLong.of(id)));

        assertEquals("INSI_KEY_NOT_VERIFIED", e.error().name());
        assertEquals(422, e.error().status());
        var record = hub.identities().find(id).orElseThrow();
        assertEquals("PROV", record.state().status().name(), "nothing changed");
        assertTrue(record.matricule().isEmpty(), "no INS attached");
        assertEquals(List.of(), sources(id));

        assertEquals("INSI_KEY_NOT_VERIFIED", code(() -> admission.byTraits(agent,
                TraitsInput.of("Hermann", "Gatien", "M", "1981-03-24"), OptionalLong.empty())));
        assertEquals(1, count("SELECT count(*) FROM identity_records WHERE nom_naissance = 'HERMANN'"), "no record made");
        List<Map<String, String>> rows = insiCallsAfter(before);
        assertEquals(List.of("INSI_KEY_NOT_VERIFIED", "INSI_KEY_NOT_VERIFIED"), rows.stream().map(m -> m.get("warning")).toList());
        assertEquals("1************60", rows.get(0).get("ins_masked"), "the key INSi sent, unchanged");
        assertEquals(2, staff().getJson("/api/v1/insi/calls?warning=INSI_KEY_NOT_VERIFIED&after=" + before).get("calls")
                .size(), "IT finds them by their warning");
        assertTrue(auditLog(hub).find(new AuditQuery(null, "ADMISSION_TRAITS", "identity:" + id, null, null, 0, 10))
                .entries().stream().anyMatch(a -> "INSI_KEY_NOT_VERIFIED".equals(a.details().get("outcome"))),
                "the refusal is in the audit log");
    }

    @Test
    void serviceUnavailableIsRetriedThenTheAgentIsToldItIsUnavailable() throws Exception {
        insi.faultNext(SimulatedFault.SERVICE_UNAVAILABLE, 3);
        int before = insi.calls().size();
        long lastCall = lastInsiCall();

        AdmissionRejection e = assertThrows(AdmissionRejection.class, () -> admission.byTraits(agent,
                TraitsInput.of("Legrand", "Sophie", "F", "1990-11-20"), OptionalLong.empty()));

        assertEquals("INSI_UNAVAILABLE", e.error().name());
        assertEquals(503, e.error().status());
        assertEquals(3, insi.calls().size() - before, "three attempts reached INSi");
        List<Map<String, String>> rows = insiCallsAfter(lastCall);
        assertEquals(1, rows.size(), "one call, retried inside");
        assertEquals("INSI_UNAVAILABLE", rows.get(0).get("outcome"));
        assertEquals("3", rows.get(0).get("attempts"));
        assertEquals("siram_40", rows.get(0).get("fault_subcode"));
        assertEquals("insi_102", rows.get(0).get("fault_detail"));
    }

    /** GET on the hub's REST API, signed in as its first admin (every {@code /api} route needs IT staff). */
    private static HttpResponse<String> get(String path) throws Exception {
        return staff().get(path);
    }

    private static synchronized StaffClient staff() throws Exception {
        if (staff == null) {
            staff = StaffClient.firstAdmin(hub.httpUri(), dataDir);
        }
        return staff;
    }

    private static long lastInsiCall() throws Exception {
        return count("SELECT coalesce(max(call_id), 0) FROM insi_calls");
    }

    /** The INSi calls recorded after {@code callId}, oldest first, as text columns. */
    private static List<Map<String, String>> insiCallsAfter(long callId) throws Exception {
        try (Connection c = hub.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT call_id, kiosk, agent, record_id, operation, query_kind,"
                        + " query->>'Prenom' AS prenom_sent, query->>'NomNaissance' AS nom_sent, message_id, attempts,"
                        + " outcome, fault_subcode, fault_detail, warning, ins_masked FROM insi_calls WHERE call_id > ?"
                        + " ORDER BY call_id")) {
            ps.setLong(1, callId);
            List<Map<String, String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new java.util.HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** A new record of LEGRAND Sophie made QUAL: her Vitale card through INSi, then her passport. */
    private static IdentityRecord qualLegrand() throws Exception {
        long id = hub.identities().create(TraitsInput.of("Legrand", "Sophie", "F", "1990-11-20"), "agent").record().id();
        InsMatricule card = InsMatricule.parse("290113306308773");
        admission.byVitale(agent, new VitaleQuery(card, card, "LEGRAND", BirthDate.parse("1990-11-20"), 1),
                OptionalLong.of(id));
        admission.documentChecked(agent, id, HighTrustDocument.PASSPORT);
        IdentityRecord qual = hub.identities().find(id).orElseThrow(); // as stored
        assertEquals("QUAL", qual.state().status().name());
        return qual;
    }

    private static List<String> auditOutcomes(long id) throws Exception {
        try (Connection c = hub.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT details->>'outcome' FROM audit_log WHERE subject = ? ORDER BY seq")) {
            ps.setString(1, "identity:" + id);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = hub.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> sources(long id) throws Exception {
        try (Connection c = hub.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT source FROM identity_ins_history WHERE record_id = ?"
                        + " ORDER BY history_id")) {
            ps.setLong(1, id);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
