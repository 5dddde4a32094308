package fr.vigie.hub;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.admission.AdmissionCaller;
import fr.vigie.hub.admission.AdmissionRejection;
import fr.vigie.hub.admission.AdmissionResult;
import fr.vigie.hub.admission.AdmissionService;
import fr.vigie.hub.admission.TraitDifference;
import fr.vigie.hub.identity.RnivRequest;
import fr.vigie.hub.insi.InsiSearch;
import fr.vigie.hub.insi.VitaleQuery;
import fr.vigie.hub.sandbox.apcv.ApcvIssuer;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.hub.sandbox.insi.InsiSimulator;
import fr.vigie.hub.sandbox.insi.SimulatorBehaviour;
import fr.vigie.hub.testing.Events;
import fr.vigie.hub.testing.KioskClients;
import fr.vigie.hub.testing.ManualClock;
import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.EventIdGenerator;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.Topics;
import fr.vigie.protocol.identity.BirthDate;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityAttribute;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.RnivAction;
import fr.vigie.protocol.identity.Trait;
import fr.vigie.protocol.identity.TraitsInput;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
 * Admission for real: a sandbox hub (embedded PostgreSQL, the INSi simulator over mutual TLS with an
 * INSI-AUTO establishment certificate, the sandbox ApCV key) driven through its admission service as
 * the device API does. Each test uses identities no other test qualifies, so the registry's duplicate
 * rule only pairs what a test means to pair.
 */
class AdmissionIT {
    private static final ManualClock CLOCK = ManualClock.followingSystemTime();
    private static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "accueil-1");

    @TempDir
    static Path dataDir;
    static EdgeHub hub;
    private static StaffClient staff;
    static AdmissionService admission;
    static InsiSimulator insi;
    static AdmissionCaller agent;

    @BeforeAll
    static void startHub() throws Exception {
        hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dataDir.toString(), HubConfig.HTTP_PORT, "0",
                HubConfig.MQTT_PORT, "0", HubConfig.SANDBOX_ENABLED, "true", HubPkiConfig.DEVICE_API_PORT, "0",
                HubPkiConfig.SITE, KIOSK.site())), CLOCK);
        admission = hub.admission();
        insi = hub.sandbox().orElseThrow().insi().simulator();
        agent = new AdmissionCaller(KIOSK, IdNatPs.parse("810001234565"));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @BeforeEach
    void normal() {
        insi.behave(SimulatorBehaviour.NORMAL);
    }

    private static String code(ThrowingStep step) {
        return assertThrows(AdmissionRejection.class, step::run).code();
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
        assertEquals("INSI_SEVERAL_MATCHES", e.code());
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

        assertEquals("INSI_TRAITS_REJECTED", e.code());
        assertEquals(AdmissionRejection.Kind.INVALID, e.kind());
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

        assertEquals("INSI_UNAVAILABLE", e.code());
        assertEquals(AdmissionRejection.Kind.UNAVAILABLE, e.kind());
    }

    @Test
    void theVitaleCardRetrievesTheActiveInsAndKeepsTheHistory() throws Exception {
        InsMatricule former = InsMatricule.parse("290113306308773");
        VitaleQuery card = new VitaleQuery(former, former, "LEGRAND", BirthDate.parse("1990-11-20"), 1);

        AdmissionResult r = admission.byVitale(agent, card, OptionalLong.empty());

        assertEquals("RECUP", r.record().state().status().name());
        assertEquals("290113306310159", r.record().matricule().orElseThrow().value(), "the active INS, not the card's");
        assertEquals("SOPHIE", r.record().traits().listePrenomText());
        assertEquals(List.of("INSI", "INSHISTO"), sources(r.record().id()));
    }

    @Test
    void aDoubtfulRecordNeverReachesInsi() throws Exception {
        long id = hub.identities().create(TraitsInput.of("Casanova", "Anna", "F", "1997-02-08"), "agent").record().id();
        hub.identities().apply(id, RnivRequest.of(RnivAction.attributeSet(IdentityAttribute.DOUT), "cell"));
        int before = insi.requestsReceived();

        assertEquals("RNIV_INSI_NOT_ALLOWED", code(() -> admission.byTraits(agent,
                TraitsInput.of("Casanova", "Anna", "F", "1997-02-08"), OptionalLong.of(id))));
        assertEquals(before, insi.requestsReceived());
        assertEquals("PROV", hub.identities().find(id).orElseThrow().state().status().name());
    }

    @Test
    void anApcvTokenQualifiesWithoutInsiOnceAndIsRefusedWhenReplayed() throws Exception {
        ApcvIssuer issuer = hub.sandbox().orElseThrow().apcv();
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
    void aRecordWithATypoTakesInsisTraitsAndALaterDifferentInsReplacesTheOldOne() throws Exception {
        long id = hub.identities().create(TraitsInput.of("Casanovas", "Anna", "F", "1997-02-08")
                .withPrenomUtilise("Annie"), "agent").record().id();

        AdmissionResult r = admission.byTraits(agent, TraitsInput.of("Casanova", "Anna", "F", "1997-02-08"),
                OptionalLong.of(id));

        assertEquals(id, r.record().id());
        assertEquals("RECUP", r.record().state().status().name());
        assertEquals("CASANOVA", r.record().traits().nomNaissance());
        assertEquals("ANNIE", r.record().traits().prenomUtilise().orElseThrow(), "the local prénom utilisé is kept");
        assertEquals(List.of(new TraitDifference(Trait.NOM_NAISSANCE, "CASANOVAS", "CASANOVA"),
                new TraitDifference(Trait.LIEU_NAISSANCE, null, "2A020")), r.differences());

        String token = hub.sandbox().orElseThrow().apcv().issue(new ApcvIssuer.Identity("297022A02088865",
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

    /** GET on the hub's REST API, signed in as its first admin (every {@code /api} route needs IT staff). */
    private static synchronized HttpResponse<String> get(String path) throws Exception {
        if (staff == null) {
            staff = StaffClient.firstAdmin(hub.httpUri(), dataDir);
        }
        return staff.get(path);
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
