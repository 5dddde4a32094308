package fr.vigie.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.Command;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandAgentTest {
    private static final KioskAddress SELF = KioskAddress.of("chu-nord", "accueil-1");
    private static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    @TempDir
    Path dir;
    final List<Reply> replies = new ArrayList<>();
    final AtomicInteger reboots = new AtomicInteger();
    RecentErrors errors;
    CommandAgent agent;

    @BeforeEach
    void setUp() {
        errors = new RecentErrors(CLOCK);
        KioskFleet.Parts parts = new KioskFleet.Parts(SELF, dir, "1.2.3", NOW.minusSeconds(3600), () -> 4,
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
        agent = new CommandAgent(SELF, null, parts.rotation(), parts.reboot(),
                () -> KioskFleet.diagnostics(parts, null, errors, CLOCK), CLOCK, replies::add, errors);
    }

    @Test
    void diagnosticsAnswersWithVersionsReadersOutboxAndRecentErrors() {
        errors.add("CONFIG_SIGNATURE_INVALID", "signature does not verify");
        agent.onCommand(command("c-1", SELF, "diagnostics", NOW));
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
    void rebootRepliesFirstThenPerforms() {
        agent.onCommand(command("c-2", SELF, "reboot", NOW));
        assertEquals("would reboot", last().message());
        assertEquals(1, reboots.get());
    }

    @Test
    void rotateBeforeEnrolmentIsNotSupported() {
        agent.onCommand(command("c-3", SELF, "rotate-cert", NOW));
        assertEquals("COMMAND_NOT_SUPPORTED", last().code());
    }

    @Test
    void rotateCallsTheEnrolmentSideAndReportsTheNewExpiry() {
        Instant notAfter = Instant.parse("2026-06-01T08:00:00Z");
        CertificateRotation rotation = new CertificateRotation() {
            @Override
            public Instant rotate() {
                return notAfter;
            }

            @Override
            public Optional<Instant> currentExpiry() {
                return Optional.of(notAfter);
            }
        };
        CommandAgent withIdentity = new CommandAgent(SELF, null, rotation, Reboot.simulated(), Map::of, CLOCK,
                replies::add, errors);
        withIdentity.onCommand(command("c-4", SELF, "rotate-cert", NOW));
        assertEquals("OK", last().code());
        assertEquals(notAfter.toString(), last().details().get("certificateNotAfter"));
    }

    @Test
    void reloadWithoutAPinnedHubKeyIsNotSupported() {
        agent.onCommand(command("c-5", SELF, "reload-config", NOW));
        assertEquals("COMMAND_NOT_SUPPORTED", last().code());
    }

    @Test
    void commandsForAnotherKioskExpiredDuplicatedOrUnknownAreRefusedWithTheirCode() {
        agent.onCommand(command("c-6", KioskAddress.of("chu-nord", "accueil-2"), "reboot", NOW));
        assertEquals("COMMAND_WRONG_KIOSK", last().code());
        assertEquals(SELF.kioskId(), last().kioskId());
        agent.onCommand(command("c-7", SELF, "reboot", NOW.minusSeconds(3600)));
        assertEquals("COMMAND_EXPIRED", last().code());
        agent.onCommand(command("c-8", SELF, "diagnostics", NOW));
        agent.onCommand(command("c-8", SELF, "diagnostics", NOW));
        assertEquals("COMMAND_DUPLICATE", last().code());
        agent.onCommand(command("c-9", SELF, "format-disk", NOW));
        assertEquals("COMMAND_UNKNOWN", last().code());
        assertEquals(0, reboots.get());
    }

    private static byte[] command(String id, KioskAddress k, String name, Instant issuedAt) {
        return CODEC.encode(new Command(id, k.site(), k.kioskId(), name, issuedAt, Map.of(), ProtocolCodec.SCHEMA_VERSION));
    }

    private Reply last() {
        return replies.get(replies.size() - 1);
    }
}
