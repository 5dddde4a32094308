package fr.vigie.system.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.enrol.EnrolmentView;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.enrol.EnrolmentState;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.EnrolmentStatus;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.enrolment.BootstrapToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a kiosk's screen goes through when enrolment does not go straight: a used token, a rejection, a
 * restart, another machine asking under its name.
 */
class KioskEnrolmentIT {
    private static final String SITE = "chu-nord";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;
    static EdgeHub hub;

    @BeforeAll
    static void startHub() throws Exception {
        hub = EdgeHub.start(HubConfig.load(null, Map.of("hub.data-dir", tmp.resolve("hub").toString(),
                "hub.http.port", "0", "hub.mqtt.port", "0", "hub.site", SITE, "hub.mqtt.tls", "true")));
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    private static KioskConfig config(EdgeHub hub, Path data, String id, Path token) throws Exception {
        return KioskConfig.load(null, properties(hub, data, id, token));
    }

    private static Map<String, String> properties(EdgeHub hub, Path data, String id, Path token) {
        Map<String, String> p = new HashMap<>(Map.of("kiosk.site", SITE, "kiosk.id", id,
                "kiosk.data-dir", data.resolve(id).toString(), "kiosk.mqtt.url", hub.deviceMqttUrl().orElseThrow(),
                "kiosk.hub.url", hub.deviceApiUri().toString(), "kiosk.hub.ca-fingerprint", hub.siteCa().rootFingerprint()));
        if (token != null) {
            p.put("kiosk.enrol.token-file", token.toString());
        }
        return p;
    }

    private static EnrolmentState.Phase phase(Kiosk k) {
        return k.enrolment().orElseThrow().snapshot().phase();
    }

    @Test
    void usedTokenFallsBackToApprovalRejectionShowsItsReasonAndARestartKeepsItsRequest() throws Exception {
        // given a token that someone already used for kiosk "copied" with another key
        KioskAddress copied = KioskAddress.of(SITE, "copied");
        BootstrapToken token = hub.enrolments().issueToken(copied, Duration.ofHours(1), "it-alice");
        DeviceIdentity thief = DeviceIdentity.openOrCreate(tmp.resolve("thief"), copied, "x".toCharArray(),
                Clock.systemUTC());
        hub.enrolments().submit(thief.enrolmentRequest(Optional.of(token.value())), "192.0.2.66");
        Path tokenFile = Files.writeString(tmp.resolve("token"), token.value(), StandardCharsets.US_ASCII);
        Path kiosks = tmp.resolve("kiosks");

        // when the genuine kiosk presents it, then falls back to IT
        try (Kiosk genuine = Kiosk.start(config(hub, kiosks, "copied", tokenFile));
                Kiosk other = Kiosk.start(config(hub, kiosks, "refused", null))) {
            await().atMost(PATIENCE).until(() -> phase(genuine) == EnrolmentState.Phase.WAITING_FOR_APPROVAL
                    && phase(other) == EnrolmentState.Phase.WAITING_FOR_APPROVAL);
            assertThat(genuine.connected()).isFalse();

            // and IT rejects the other kiosk, whose screen says why
            EnrolmentView refused = pendingOf(hub, "refused");
            hub.enrolments().reject(refused.id(), "borne inconnue", "it-alice");
            await().atMost(PATIENCE).until(() -> phase(other) == EnrolmentState.Phase.REJECTED);
            assertEquals("borne inconnue", other.enrolment().orElseThrow().snapshot().reason());
        }

        // then after a restart the genuine kiosk still waits on the same request, and IT's approval connects it
        EnrolmentView waiting = pendingOf(hub, "copied");
        try (Kiosk restarted = Kiosk.start(config(hub, kiosks, "copied", tokenFile))) {
            await().atMost(PATIENCE).until(() -> phase(restarted) == EnrolmentState.Phase.WAITING_FOR_APPROVAL);
            assertEquals(List.of(waiting.id()), hub.enrolments().list(EnrolmentStatus.PENDING, 10).stream()
                    .map(EnrolmentView::id).toList());
            hub.enrolments().approve(waiting.id(), restarted.enrolment().orElseThrow().snapshot().enrolmentCode(),
                    "it-alice");
            await().atMost(PATIENCE).until(restarted::connected);
            assertEquals(EnrolmentState.Phase.ENROLLED, phase(restarted));
        }
    }

    @Test
    void aKioskWhoseRequestWasRejectedOrSupersededAsksAgainUntilItIsTheOneEnrolled() throws Exception {
        Map<String, String> p = properties(hub, tmp.resolve("kiosks"), "accueil-9", null);
        p.put("kiosk.enrol.restart-seconds", "1");
        KioskConfig config = KioskConfig.load(null, p);
        try (Kiosk real = Kiosk.start(config)) {
            List<String> screens = new CopyOnWriteArrayList<>();
            real.enrolment().orElseThrow().addListener(s -> screens.add(s.phase() + ":" + s.reason()));
            await().atMost(PATIENCE).until(() -> phase(real) == EnrolmentState.Phase.WAITING_FOR_APPROVAL);
            String code = real.enrolment().orElseThrow().snapshot().enrolmentCode();

            // given IT rejects it: the kiosk shows why, then asks again with a new request
            EnrolmentView first = pendingOf(hub, "accueil-9");
            hub.enrolments().reject(first.id(), "à vérifier", "it-alice");
            EnrolmentView second = await().atMost(PATIENCE).until(() -> pendingOf(hub, "accueil-9", code),
                    v -> v != null && !v.id().equals(first.id()));
            assertThat(screens).contains("REJECTED:à vérifier");

            // when a machine asks for the same kiosk id with its own key, and IT approves that one by mistake
            DeviceIdentity impostor = DeviceIdentity.openOrCreate(tmp.resolve("impostor"),
                    KioskAddress.of(SITE, "accueil-9"), "x".toCharArray(), Clock.systemUTC());
            EnrolmentView wrong = hub.enrolments().submit(impostor.enrolmentRequest(Optional.empty()), "192.0.2.66");
            assertEquals(1, wrong.conflicts(), "the real request still waits beside it");
            hub.enrolments().approve(wrong.id(), impostor.enrolmentCode(), "it-alice");

            // then the real kiosk's request is closed as superseded, and it asks again
            assertEquals("SUPERSEDED", hub.enrolments().find(second.id()).reason());
            EnrolmentView third = await().atMost(PATIENCE).until(() -> pendingOf(hub, "accueil-9", code),
                    v -> v != null && !v.id().equals(second.id()));
            assertThat(screens).contains("REJECTED:SUPERSEDED");

            // and once IT revokes the impostor and approves the code on the kiosk's screen, the kiosk connects
            hub.enrolments().revoke(KioskAddress.of(SITE, "accueil-9"), RevocationReason.KEY_COMPROMISE, "it-alice");
            hub.enrolments().approve(third.id(), code, "it-alice");
            await().atMost(PATIENCE).until(real::connected);
            assertEquals(EnrolmentState.Phase.ENROLLED, phase(real));
        }
    }

    private static EnrolmentView pendingOf(EdgeHub hub, String kioskId, String code) throws Exception {
        return hub.enrolments().list(EnrolmentStatus.PENDING, 100).stream().filter(v -> v.kioskId().equals(kioskId)
                && v.enrolmentCode().equals(code)).findFirst().orElse(null);
    }

    private static EnrolmentView pendingOf(EdgeHub hub, String kioskId) throws Exception {
        return hub.enrolments().list(EnrolmentStatus.PENDING, 10).stream().filter(v -> v.kioskId().equals(kioskId))
                .findFirst().orElseThrow();
    }
}
