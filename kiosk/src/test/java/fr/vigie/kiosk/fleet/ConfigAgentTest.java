package fr.vigie.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.config.ConfigVerifier;
import fr.vigie.config.KioskSettings;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.Reply;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's verdict on each kind of bundle: a good one is applied and answered DONE; tampered,
 * unsigned, replayed, invalid, foreign-key and other-kiosk bundles are refused with their code and the
 * configuration in force stays; a failed health check rolls back.
 */
class ConfigAgentTest {
    private static final KioskAddress SELF = KioskAddress.of("chu-nord", "accueil-1");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Bundles hub;
    final List<Reply> replies = new ArrayList<>();
    final AtomicReference<Optional<String>> health = new AtomicReference<>(Optional.empty());
    final List<KioskSettings> seenByComponents = new ArrayList<>();
    ConfigAgent agent;

    @BeforeEach
    void setUp() throws Exception {
        hub = new Bundles(CLOCK);
        agent = new ConfigAgent(dir, new ConfigVerifier((ECPublicKey) hub.hubKey.getPublic(), SELF), SELF,
                s -> health.get(), CLOCK, replies::add, new RecentErrors(CLOCK));
        agent.addListener(seenByComponents::add);
        agent.onBundle(hub.wire(SELF, 5, KioskSettings.defaults().withIdleLockSeconds(60)));
        assertEquals("OK", last().code());
        assertEquals(5, agent.version());
    }

    @Test
    void aKioskUpgradedWithABundleStoredUnderTheFormerNamesLoadsItAndAnswersItsRetainedCopyAsApplied(@TempDir Path old)
            throws Exception {
        // given the configuration a kiosk of before the settings reference applied and kept on disk
        var legacy = hub.signedRaw(SELF, 7, "{\"idleLockSeconds\":600,\"presenceLockSeconds\":15,\"language\":\"en\"}");
        java.nio.file.Files.write(old.resolve("current.json"), Bundles.CODEC.encode(legacy));
        java.nio.file.Files.writeString(old.resolve("version-floor"), "7");

        // when the upgraded kiosk starts, and the broker sends the retained bundle again
        List<Reply> answers = new ArrayList<>();
        ConfigAgent upgraded = new ConfigAgent(old, new ConfigVerifier((ECPublicKey) hub.hubKey.getPublic(), SELF), SELF,
                s -> Optional.empty(), CLOCK, answers::add, new RecentErrors(CLOCK));
        upgraded.onBundle(Bundles.CODEC.encode(legacy));

        // then it runs that configuration, by today's names, and says it is applied
        assertEquals(7, upgraded.version());
        assertEquals(600, upgraded.settings().idleLockSeconds());
        assertEquals(15, upgraded.settings().presenceLockSeconds());
        assertEquals(KioskSettings.Language.EN, upgraded.settings().language());
        assertEquals(Reply.Outcome.DONE, answers.get(answers.size() - 1).outcome(), answers.toString());
        assertEquals("config-7", answers.get(answers.size() - 1).commandId());
    }

    @Test
    void goodBundleIsAppliedHandedToTheComponentsAndAnsweredDone() {
        agent.onBundle(hub.wire(SELF, 6, KioskSettings.defaults().withIdleLockSeconds(90)));
        assertEquals(Reply.Outcome.DONE, last().outcome());
        assertEquals("config-6", last().commandId());
        assertEquals(90, agent.settings().idleLockSeconds());
        assertEquals(90, seenByComponents.get(seenByComponents.size() - 1).idleLockSeconds());
    }

    @Test
    void tamperedBundleIsRejectedAndTheConfigurationStays() {
        agent.onBundle(hub.tampered(SELF, 6));
        expectRejected("CONFIG_SIGNATURE_INVALID", "config-6");
    }

    @Test
    void unsignedBundleIsRejected() {
        agent.onBundle(hub.unsigned(SELF, 6));
        expectRejected("CONFIG_UNSIGNED", "config-6");
    }

    @Test
    void replayedOlderVersionIsRejected() {
        agent.onBundle(hub.wire(SELF, 4, KioskSettings.defaults().withIdleLockSeconds(300)));
        expectRejected("CONFIG_VERSION_NOT_NEWER", "config-4");
    }

    @Test
    void invalidContentIsRejectedEvenWhenProperlySigned() throws Exception {
        agent.onBundle(hub.invalidContent(SELF, 6));
        expectRejected("CONFIG_CONTENT_INVALID", "config-6");
        assertTrue(last().message().contains("kiosk.session.idle-lock-seconds"), last().message());
    }

    @Test
    void bundleSignedByAnotherKeyIsRejected() throws Exception {
        agent.onBundle(new Bundles(CLOCK).wire(SELF, 6, KioskSettings.defaults()));
        expectRejected("CONFIG_SIGNATURE_INVALID", "config-6");
    }

    @Test
    void bundleForAnotherKioskIsRejectedInThisKiosksName() {
        agent.onBundle(hub.wire(KioskAddress.of("chu-nord", "accueil-2"), 6, KioskSettings.defaults()));
        expectRejected("CONFIG_WRONG_KIOSK", "config-6");
        assertEquals(SELF.kioskId(), last().kioskId());
    }

    @Test
    void garbageIsRejectedAsMalformed() {
        agent.onBundle("{\"not\":\"a bundle\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        expectRejected("CONFIG_MALFORMED", "config-unreadable");
    }

    @Test
    void failedHealthCheckRollsBackAndTheFailedVersionIsNotTakenAgain() {
        health.set(Optional.of("touch UI does not answer"));
        byte[] v6 = hub.wire(SELF, 6, KioskSettings.defaults().withIdleLockSeconds(90));
        agent.onBundle(v6);
        assertEquals(Reply.Outcome.FAILED, last().outcome());
        assertEquals("CONFIG_HEALTH_CHECK_FAILED", last().code());
        assertEquals(5, agent.version());
        assertEquals(60, agent.settings().idleLockSeconds());
        assertEquals(60, seenByComponents.get(seenByComponents.size() - 1).idleLockSeconds(),
                "the components are given the restored settings");

        health.set(Optional.empty());
        int before = replies.size();
        agent.onBundle(v6);
        assertEquals(before, replies.size(), "the retained failed version coming back after a reconnect is ignored");
        assertEquals(5, agent.version());
        agent.onBundle(hub.wire(SELF, 7, KioskSettings.defaults().withIdleLockSeconds(90)));
        assertEquals("OK", last().code());
    }

    @Test
    void theBundleInForceComingBackIsAnsweredAgain() {
        byte[] v6 = hub.wire(SELF, 6, KioskSettings.defaults().withIdleLockSeconds(90));
        agent.onBundle(v6);
        agent.onBundle(v6);
        assertEquals(Reply.Outcome.DONE, last().outcome());
        assertEquals("config-6", last().commandId());
    }

    @Test
    void componentRefusingTheSettingsCountsAsAFailedHealthCheck() {
        agent.addListener(s -> {
            if (s.idleLockSeconds() == 90) {
                throw new IllegalStateException("screen timer cannot be set");
            }
        });
        agent.onBundle(hub.wire(SELF, 6, KioskSettings.defaults().withIdleLockSeconds(90)));
        assertEquals("CONFIG_HEALTH_CHECK_FAILED", last().code());
        assertEquals(60, agent.settings().idleLockSeconds());
    }

    private void expectRejected(String code, String commandId) {
        assertEquals(Reply.Outcome.REJECTED, last().outcome(), last().message());
        assertEquals(code, last().code(), last().message());
        assertEquals(commandId, last().commandId());
        assertEquals(5, agent.version(), "the configuration in force is kept");
        assertEquals(60, agent.settings().idleLockSeconds());
    }

    private Reply last() {
        return replies.get(replies.size() - 1);
    }
}
