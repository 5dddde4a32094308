package fr.vigie.kiosk.fleet;

import fr.vigie.protocol.Command;
import fr.vigie.protocol.CommandError;
import fr.vigie.protocol.CommandName;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.ProtocolException;
import fr.vigie.protocol.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the hub's remote commands and replies with the same id: {@code reload-config},
 * {@code rotate-cert}, {@code diagnostics} (the bundle goes in the reply's details), {@code reboot}.
 * Refuses, with a {@link CommandError} code, a command naming another kiosk, one issued more than
 * {@link #MAX_AGE} from now (a replay or a badly wrong clock), one already carried out (same id), and
 * unknown names. Thread-safe (one command at a time).
 */
public final class CommandAgent {
    /** How far a command's issue time may be from the kiosk's clock. */
    public static final Duration MAX_AGE = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(CommandAgent.class);
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final int REMEMBERED = 256;

    private final KioskAddress self;
    private final ConfigAgent config;
    private final CertificateRotation rotation;
    private final Reboot reboot;
    private final Supplier<Map<String, String>> diagnostics;
    private final Clock clock;
    private final Consumer<Reply> replies;
    private final RecentErrors errors;
    private final LinkedHashSet<String> done = new LinkedHashSet<>();

    /**
     * @param config the configuration agent, or null when no hub key is pinned
     */
    CommandAgent(KioskAddress self, ConfigAgent config, CertificateRotation rotation, Reboot reboot,
            Supplier<Map<String, String>> diagnostics, Clock clock, Consumer<Reply> replies, RecentErrors errors) {
        this.self = self;
        this.config = config;
        this.rotation = rotation;
        this.reboot = reboot;
        this.diagnostics = diagnostics;
        this.clock = clock;
        this.replies = replies;
        this.errors = errors;
    }

    /** Handles one message of the command topic. */
    public synchronized void onCommand(byte[] payload) {
        Command c;
        try {
            c = CODEC.decodeCommand(payload);
        } catch (ProtocolException e) {
            errors.add(e.error().name(), "unreadable command: " + e.getMessage());
            LOG.warn("kiosk {} ignored an unreadable command: {}", self, e.getMessage());
            return;
        }
        Optional<Reply> refusal = refusal(c);
        if (refusal.isPresent()) {
            errors.add(refusal.get().code(), c.name() + " " + c.commandId() + ": " + refusal.get().message());
            replies.accept(refusal.get());
            return;
        }
        remember(c.commandId());
        CommandName name = CommandName.fromWireName(c.name()).orElseThrow();
        LOG.info("kiosk {} carries out command {} ({})", self, name.wireName(), c.commandId());
        switch (name) {
            case DIAGNOSTICS -> replies.accept(reply(c, Reply.Outcome.DONE, "OK", "diagnostics", diagnostics.get()));
            case RELOAD_CONFIG -> reload(c);
            case ROTATE_CERT -> rotate(c);
            case REBOOT -> {
                replies.accept(reply(c, Reply.Outcome.DONE, "OK", reboot.plan(), Map.of()));
                reboot.perform();
            }
        }
    }

    private Optional<Reply> refusal(Command c) {
        if (!c.site().equals(self.site()) || !c.kioskId().equals(self.kioskId())) {
            return Optional.of(reply(c, Reply.Outcome.REJECTED, CommandError.COMMAND_WRONG_KIOSK.name(),
                    "command is for kiosk " + c.site() + "/" + c.kioskId() + ", this is " + self, Map.of()));
        }
        Instant now = clock.instant();
        if (Duration.between(c.issuedAt(), now).abs().compareTo(MAX_AGE) > 0) {
            return Optional.of(reply(c, Reply.Outcome.REJECTED, CommandError.COMMAND_EXPIRED.name(), "command issued at "
                    + c.issuedAt() + " is more than " + MAX_AGE.toMinutes() + " minutes from now (" + now + ")", Map.of()));
        }
        if (done.contains(c.commandId())) {
            return Optional.of(reply(c, Reply.Outcome.REJECTED, CommandError.COMMAND_DUPLICATE.name(),
                    "command " + c.commandId() + " was already carried out", Map.of()));
        }
        if (CommandName.fromWireName(c.name()).isEmpty()) {
            return Optional.of(reply(c, Reply.Outcome.REJECTED, CommandError.COMMAND_UNKNOWN.name(),
                    "command '" + c.name() + "' is not known to this kiosk", Map.of()));
        }
        return Optional.empty();
    }

    private void reload(Command c) {
        if (config == null) {
            replies.accept(reply(c, Reply.Outcome.REJECTED, CommandError.COMMAND_NOT_SUPPORTED.name(),
                    "no hub configuration key is pinned on this kiosk", Map.of()));
            return;
        }
        try {
            long version = config.reload();
            replies.accept(reply(c, Reply.Outcome.DONE, "OK", "configuration version " + version + " reloaded",
                    Map.of("configVersion", Long.toString(version))));
        } catch (java.io.IOException e) {
            errors.add(CommandError.COMMAND_FAILED.name(), "reload-config: " + e.getMessage());
            replies.accept(reply(c, Reply.Outcome.FAILED, CommandError.COMMAND_FAILED.name(),
                    "configuration could not be read again: " + e.getMessage(), Map.of()));
        }
    }

    private void rotate(Command c) {
        try {
            Instant notAfter = rotation.rotate();
            replies.accept(reply(c, Reply.Outcome.DONE, "OK", "device certificate renewed",
                    Map.of("certificateNotAfter", notAfter.toString())));
        } catch (UnsupportedOperationException e) {
            replies.accept(reply(c, Reply.Outcome.REJECTED, CommandError.COMMAND_NOT_SUPPORTED.name(), e.getMessage(),
                    Map.of()));
        } catch (Exception e) {
            errors.add(CommandError.COMMAND_FAILED.name(), "rotate-cert: " + e.getMessage());
            replies.accept(reply(c, Reply.Outcome.FAILED, CommandError.COMMAND_FAILED.name(),
                    "certificate renewal failed, the current certificate stays in use: " + e.getMessage(), Map.of()));
        }
    }

    private void remember(String id) {
        done.add(id);
        if (done.size() > REMEMBERED) {
            done.remove(done.iterator().next());
        }
    }

    private Reply reply(Command c, Reply.Outcome outcome, String code, String message, Map<String, String> details) {
        return new Reply(c.commandId(), self.site(), self.kioskId(), outcome, code, message, clock.instant(), details,
                ProtocolCodec.SCHEMA_VERSION);
    }
}
