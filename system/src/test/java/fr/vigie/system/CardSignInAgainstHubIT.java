package fr.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.kiosk.config.CardTrustSettings;
import fr.vigie.kiosk.igcsante.CardTrust;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.igcsante.CrlRefresher;
import fr.vigie.kiosk.igcsante.CrlSource;
import fr.vigie.kiosk.igcsante.HttpCrlSource;
import fr.vigie.kiosk.igcsante.HubApiCrlSource;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.CpsCardAuthenticator;
import fr.vigie.kiosk.session.PresentedCard;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.session.SessionTimeouts;
import fr.vigie.protocol.EventPayload.SessionTransition;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clinician sign-in with the kiosk's real certificate check against a real sandbox hub: the kiosk
 * trusts the hub's sandbox IGC-Santé, fetches its CRLs through the device API (mutual TLS, the same
 * bundle as the public HTTP route), refuses a card revoked at the hub,
 * and keeps signing clinicians in from its CRL cache once the hub is gone.
 */
class CardSignInAgainstHubIT {
    private static final String PIN = "4821";
    private static final SessionTimeouts TIMEOUTS = new SessionTimeouts(Duration.ofSeconds(30),
            Duration.ofSeconds(300), Duration.ofSeconds(20), Duration.ofSeconds(600), Duration.ofSeconds(600));

    @TempDir
    Path tmp;

    private final List<SessionTransition> events = new CopyOnWriteArrayList<>();
    private final VirtualReaders readers = new VirtualReaders("Contact");

    /** Inserts the card, types the PIN, and returns the session's state; the card is then removed. */
    private SessionState signIn(CardTrust trust, CpsCredential who) throws Exception {
        // timeouts are not under test here: they are scheduled and never fire
        ClinicianSession session = ClinicianSession.builder(TIMEOUTS, events::add)
                .timers((delay, task) -> () -> { }).build();
        readers.insert("Contact", VirtualCpsCard.builder(who).pin(PIN).build());
        try {
            CpsCard cps = CpsCard.open(readers.open().getTerminal("Contact").connect("*"), null);
            session.cardInserted(new PresentedCard(cps.holder(), PresentedCard.Interface.CONTACT,
                    new CpsCardAuthenticator(cps, trust.certificateCheck(), new SecureRandom())));
            return session.submitPin(PIN.toCharArray());
        } finally {
            readers.remove("Contact");
        }
    }

    @Test
    void aCardRevokedAtTheHubIsRefusedAndSignInKeepsWorkingFromTheCacheWhenTheHubIsDown() throws Exception {
        HubConfig config = HubConfig.load(null, Map.of(HubConfig.DATA_DIR, tmp.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubConfig.INGEST_ENABLED, "false",
                HubConfig.SANDBOX_ENABLED, "true"));
        Path kioskData = tmp.resolve("kiosk");
        CardTrustSettings settings;
        URI crlUrl;
        CpsCredential nurse;
        CpsCredential stolen;
        try (EdgeHub hub = EdgeHub.start(config)) {
            String origin = hub.httpUri().toString();
            TestIgcSante cards = TestIgcSante.over(hub.sandbox().orElseThrow().igcSante().ca(), new SecureRandom());
            nurse = cards.issuePersonne("810000000017", "DURAND", "Léa");
            stolen = cards.issuePersonne("810000000025", "PETIT", "Jean");
            crlUrl = URI.create(DemoCardTrust.crlUrl(origin));
            settings = new CardTrustSettings(List.of(DemoCardTrust.fetchAnchors(origin, kioskData)), crlUrl, null,
                    Duration.ofMinutes(60), Duration.ofHours(48));
            HttpResponse<String> revoked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(origin + "/sandbox/igc-sante/revoke")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"serial\":\""
                            + stolen.certificate().getSerialNumber().toString(16) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).isEqualTo(200);

            DeviceIdentity kiosk = DeviceIdentity.openOrCreate(tmp.resolve("identity"),
                    KioskAddress.of(config.pki().site(), "poste-1"), "store".toCharArray(), Clock.systemUTC());
            hub.siteCa().enrolInProcess(kiosk);
            CrlSource deviceApi = new HubApiCrlSource(HubApi.forDevice(hub.deviceApiUri(), kiosk));
            assertThat(IgcSanteCrls.parse(deviceApi.fetch()))
                    .isEqualTo(IgcSanteCrls.parse(new HttpCrlSource(crlUrl).fetch()));

            try (CardTrust online = CardTrust.open(settings, kioskData, Clock.systemUTC())) {
                online.startRefreshing(deviceApi);
                assertThat(online.refreshNow().orElseThrow().rejected()).isEmpty();

                assertThat(signIn(online, nurse)).isEqualTo(SessionState.OPEN);
                assertThat(signIn(online, stolen)).isEqualTo(SessionState.REFUSED);
                assertThat(events.get(events.size() - 1).reason()).isEqualTo("CERTIFICATE_REJECTED");
            }
        }

        try (CardTrust offline = CardTrust.open(settings, kioskData, Clock.systemUTC())) {
            offline.startRefreshing(new HttpCrlSource(crlUrl));
            CrlRefresher.Result unreachable = offline.refreshNow().orElseThrow();

            assertThat(unreachable.rejected()).singleElement().asString().startsWith("UNREACHABLE: ");
            assertThat(signIn(offline, nurse)).isEqualTo(SessionState.OPEN);
            assertThat(signIn(offline, stolen)).isEqualTo(SessionState.REFUSED);
        }
    }
}
