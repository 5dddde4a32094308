package fr.vigie.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.config.CommandSigner;
import fr.vigie.config.CommandVerifier;
import fr.vigie.protocol.Command;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.Reply;
import fr.vigie.provisioning.signing.HubJwsSigner;
import fr.vigie.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a kiosk does with each message of its command topic: the hub's signed commands are carried out
 * once and answered; a bare or unsigned message, another key's signature, an expired command, a
 * replay (also after a restart), another kiosk's command execute nothing and are refused with their
 * code; a flood of refusals is summarised.
 */
class CommandAgentTest {
    private static final KioskAddress SELF = KioskAddress.of("chu-nord", "accueil-1");
    private static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(NOW);
    final List<Reply> replies = new ArrayList<>();
    final AtomicInteger reboots = new AtomicInteger();
    KeyPair hubKey;
    CommandSigner hub;
    RecentErrors errors;
    KioskFleet.Parts parts;
    CommandAgent agent;

    @BeforeEach
    void setUp() throws Exception {
        hubKey = Bundles.p256();
        hub = signer(hubKey);
        errors = new RecentErrors(clock);
        parts = new KioskFleet.Parts(SELF, dir, "1.2.3", NOW.minusSeconds(3600), () -> 4,
                () -> List.of("Virtual CPS reader"), CertificateRotation.NOT_ENROLLED, new Reboot() {
                    @Override
                    public String plan() {
                        return "would reboot";
                    }

                    @Override
                    public void perform() {
                        reboots.incrementAndGet();
                    }
                }, HealthCheck.componentsAccept());
        agent = agent(parts.rotation());
    }

    @Test
    void diagnosticsAnswersWithVersionsReadersOutboxAndRecentErrors() {
        errors.add("CONFIG_SIGNATURE_INVALID", "signature does not verify");
        agent.onCommand(signed("c-1", SELF, "diagnostics"));
        Reply r = last();
        assertEquals(Reply.Outcome.DONE, r.outcome());
        assertEquals("c-1", r.commandId());
        assertEquals("1.2.3", r.details().get("softwareVersion"));
        assertEquals("4", r.details().get("outboxDepth"));
        assertEquals("1", r.details().get("readerCount"));
        assertEquals("3600", r.details().get("uptimeSeconds"));
        assertEquals("none", r.details().get("certificateNotAfter"));
        assertTrue(r.details().get("recentError.1").contains("CONFIG_SIGNATURE_INVALID"));
        assertFalse(r.details().keySet().stream().anyMatch(k -> k.toLowerCase().matches(".*(secret|key|pin|token).*")
                && !k.equals("hubKeyPinned")), "no secret in the diagnostics: " + r.details().keySet());
    }

    @Test
    void signedRebootRepliesFirstThenPerforms() {
        agent.onCommand(signed("c-2", SELF, "reboot"));
        assertEquals("would reboot", last().message());
        assertEquals(1, reboots.get());
    }

    @Test
    void rotateBeforeEnrolmentIsNotSupported() {
        agent.onCommand(signed("c-3", SELF, "rotate-cert"));
        assertEquals("COMMAND_NOT_SUPPORTED", last().code());
    }

    @Test
    void rotateCallsTheEnrolmentSideAndReportsTheNewExpiry() throws Exception {
        Instant notAfter = Instant.parse("2026-06-01T08:00:00Z");
        CommandAgent withIdentity = agent(new CertificateRotation() {
            @Override
            public Instant rotate() {
                return notAfter;
            }

            @Override
            public Optional<Instant> currentExpiry() {
                return Optional.of(notAfter);
            }
        });
        withIdentity.onCommand(signed("c-4", SELF, "rotate-cert"));
        assertEquals("OK", last().code());
        assertEquals(notAfter.toString(), last().details().get("certificateNotAfter"));
    }

    @Test
    void reloadWithoutAConfigurationAgentIsNotSupported() {
        agent.onCommand(signed("c-5", SELF, "reload-config"));
        assertEquals("COMMAND_NOT_SUPPORTED", last().code());
    }

    @Test
    void anonymousBareRebootIsRefusedAsUnsignedUnderAnIdDerivedFromItsBytes() {
        byte[] bare = "{\"name\":\"reboot\"}".getBytes(StandardCharsets.UTF_8);
        agent.onCommand(bare);
        assertEquals("COMMAND_UNSIGNED", last().code());
        assertEquals(Reply.Outcome.REJECTED, last().outcome());
        assertEquals(CommandAgent.unverifiedId(bare), last().commandId());
        assertTrue(last().commandId().matches("unverified-[0-9a-f]{16}"), last().commandId());
        agent.onCommand(CODEC.encode(hub.prepare(SELF, "c-6", "reboot", Map.of(), LIFETIME)));
        assertEquals("COMMAND_UNSIGNED", last().code(), "the command's content without its signature");
        assertEquals(0, reboots.get());
    }

    @Test
    void commandSignedWithAnotherKeyIsRefusedAndItsClaimedIdIsNotEchoed() throws Exception {
        byte[] forged = CODEC.encode(signer(Bundles.p256()).sign(hub.prepare(SELF, "c-7", "reboot", Map.of(), LIFETIME)));
        agent.onCommand(forged);
        assertEquals("COMMAND_SIGNATURE_INVALID", last().code());
        assertEquals(CommandAgent.unverifiedId(forged), last().commandId());
        assertEquals(0, reboots.get());
    }

    @Test
    void expiredCommandIsRefusedUnderItsRequestId() {
        byte[] c = signed("c-8", SELF, "reboot");
        clock.advance(LIFETIME.plus(CommandVerifier.CLOCK_SKEW).plusSeconds(1));
        agent.onCommand(c);
        assertEquals("COMMAND_EXPIRED", last().code());
        assertEquals("c-8", last().commandId());
        assertEquals("reboot", last().details().get("command"));
        assertEquals(0, reboots.get());
    }

    @Test
    void commandForAnotherKioskIsRefusedInThisKiosksName() {
        agent.onCommand(signed("c-9", KioskAddress.of("chu-nord", "accueil-2"), "reboot"));
        assertEquals("COMMAND_WRONG_KIOSK", last().code());
        assertEquals(SELF.kioskId(), last().kioskId());
        assertEquals(0, reboots.get());
    }

    @Test
    void replayedCommandIsRefusedAlsoAfterARestartUntilItExpires() throws Exception {
        byte[] reboot = signed("c-10", SELF, "reboot");
        agent.onCommand(reboot);
        assertEquals(1, reboots.get());
        agent.onCommand(reboot);
        assertEquals("COMMAND_REPLAYED", last().code());

        CommandAgent afterRestart = agent(parts.rotation());
        afterRestart.onCommand(reboot);
        assertEquals("COMMAND_REPLAYED", last().code());
        Command sameId = hub.prepare(SELF, "c-10", "reboot", Map.of(), LIFETIME);
        afterRestart.onCommand(CODEC.encode(hub.sign(sameId)));
        assertEquals("COMMAND_REPLAYED", last().code(), "another nonce, the same request id");
        assertEquals(1, reboots.get());

        clock.advance(LIFETIME.plus(CommandVerifier.CLOCK_SKEW).plusSeconds(1));
        assertEquals(0, SpentCommands.open(dir, clock).size(), "forgotten once it cannot pass the expiry check");
    }

    @Test
    void withoutAPinnedHubKeyEveryCommandIsRefused() throws Exception {
        CommandAgent unpinned = new CommandAgent(SELF, () -> null, SpentCommands.open(dir, clock), () -> null,
                parts.rotation(), parts.reboot(), Map::of, clock, replies::add, errors);
        unpinned.onCommand(signed("c-11", SELF, "reboot"));
        assertEquals("COMMAND_SIGNATURE_INVALID", last().code());
        assertEquals(0, reboots.get());
    }

    @Test
    void unknownSignedCommandIsRefused() {
        agent.onCommand(signed("c-12", SELF, "format-disk"));
        assertEquals("COMMAND_UNKNOWN", last().code());
    }

    @Test
    void aFloodOfForgedCommandsGetsAFewRepliesThenOneThatCountsTheRest() {
        for (int i = 0; i < 50; i++) {
            agent.onCommand(("{\"name\":\"reboot\",\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(CommandAgent.REFUSALS_PER_MINUTE, replies.size());
        clock.advance(Duration.ofMinutes(1));
        agent.onCommand("{\"name\":\"reboot\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(CommandAgent.REFUSALS_PER_MINUTE + 1, replies.size());
        assertEquals("30", last().details().get("suppressed"));
        assertEquals(0, reboots.get());
    }

    private CommandAgent agent(CertificateRotation rotation) throws Exception {
        return new CommandAgent(SELF, () -> new CommandVerifier((ECPublicKey) hubKey.getPublic(), SELF, clock),
                SpentCommands.open(dir, clock), () -> null, rotation, parts.reboot(),
                () -> KioskFleet.diagnostics(parts, null, errors, clock), clock, replies::add, errors);
    }

    private CommandSigner signer(KeyPair key) {
        return new CommandSigner(new HubJwsSigner((ECPrivateKey) key.getPrivate(), "test-hub"), clock, new SecureRandom());
    }

    private byte[] signed(String id, KioskAddress k, String name) {
        return CODEC.encode(hub.sign(hub.prepare(k, id, name, Map.of(), LIFETIME)));
    }

    private Reply last() {
        return replies.get(replies.size() - 1);
    }

}
