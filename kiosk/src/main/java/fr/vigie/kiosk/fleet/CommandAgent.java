package fr.vigie.kiosk.fleet;

import fr.vigie.config.CommandRefusal;
import fr.vigie.config.CommandVerifier;
import fr.vigie.protocol.Command;
import fr.vigie.protocol.CommandError;
import fr.vigie.protocol.CommandName;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.ProtocolException;
import fr.vigie.protocol.Reply;
import fr.vigie.protocol.SignedCommand;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the hub's signed remote commands and replies with the same request id:
 * {@code reload-config}, {@code rotate-cert}, {@code diagnostics} (the bundle goes in the reply's
 * details), {@code reboot}. Only a {@link SignedCommand} whose signature verifies with the pinned hub
 * key ({@link CommandVerifier}), for this kiosk, within its validity, never received before
 * ({@link SpentCommands}, remembered on disk before anything is done) is carried out. Anything else
 * on the command topic executes nothing and is refused with a {@link CommandError} code in a
 * {@code REJECTED} reply, which the hub writes to its audit log: the request id when the hub's
 * signature verified, {@code unverified-<first 16 hex digits of the message's SHA-256>} otherwise
 * (an unverified message's claims are not echoed). At most {@link #REFUSALS_PER_MINUTE} refusals are
 * replied per minute; the next one carries how many were left out ({@code suppressed}). Thread-safe
 * (one command at a time).
 */
public final class CommandAgent {
    /** Refusal replies per minute at most, so that a flood of forged commands does not become a flood of replies. */
    public static final int REFUSALS_PER_MINUTE = 20;
    private static final Logger LOG = LoggerFactory.getLogger(CommandAgent.class);
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private final KioskAddress self;
    private final Supplier<CommandVerifier> verifier;
    private final SpentCommands spent;
    private final Supplier<ConfigAgent> config;
    private final CertificateRotation rotation;
    private final Reboot reboot;
    private final Supplier<Map<String, String>> diagnostics;
    private final Clock clock;
    private final Consumer<Reply> replies;
    private final RecentErrors errors;
    private volatile SoftwareUpdates updates;
    private Instant refusalWindow = Instant.EPOCH;
    private int refusalsInWindow;
    private int suppressed;

    /**
     * @param verifier the verifier with the pinned hub key, which gives null while none is pinned
     * @param config the configuration agent, which gives null while no hub key is pinned
     */
    CommandAgent(KioskAddress self, Supplier<CommandVerifier> verifier, SpentCommands spent,
            Supplier<ConfigAgent> config, CertificateRotation rotation, Reboot reboot,
            Supplier<Map<String, String>> diagnostics, Clock clock, Consumer<Reply> replies, RecentErrors errors) {
        this.self = self;
        this.verifier = verifier;
        this.spent = spent;
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
            c = trusted(payload);
        } catch (CommandRefusal r) {
            refuse(r.verified().map(Command::commandId).orElseGet(() -> unverifiedId(payload)), r.error(),
                    r.getMessage(), r.verified().map(v -> Map.of("command", v.name())).orElse(Map.of()));
            return;
        }
        try {
            spent.remember(c, CommandVerifier.rememberUntil(c));
        } catch (IOException e) {
            errors.add(CommandError.COMMAND_FAILED.name(), c.name() + ": cannot remember it: " + e.getMessage());
            replies.accept(reply(c.commandId(), Reply.Outcome.FAILED, CommandError.COMMAND_FAILED.name(),
                    "the command could not be recorded on this kiosk, so it was not carried out: " + e.getMessage(),
                    Map.of()));
            return;
        }
        CommandName name = CommandName.fromWireName(c.name()).orElse(null);
        if (name == null) {
            refuse(c.commandId(), CommandError.COMMAND_UNKNOWN, "command '" + c.name() + "' is not known to this kiosk",
                    Map.of("command", c.name()));
            return;
        }
        LOG.info("kiosk {} carries out command {} ({})", self, name.wireName(), c.commandId());
        switch (name) {
            case DIAGNOSTICS -> replies.accept(reply(c.commandId(), Reply.Outcome.DONE, "OK", "diagnostics",
                    diagnostics.get()));
            case RELOAD_CONFIG -> reload(c);
            case ROTATE_CERT -> rotate(c);
            case REBOOT -> {
                replies.accept(reply(c.commandId(), Reply.Outcome.DONE, "OK", reboot.plan(), Map.of()));
                reboot.perform();
            }
            case UPDATE_SOFTWARE -> update(c);
        }
    }

    /** The command in {@code payload}, if it can be trusted and was never received before. */
    private Command trusted(byte[] payload) throws CommandRefusal {
        SignedCommand signed;
        try {
            signed = CODEC.decodeSignedCommand(payload);
        } catch (ProtocolException e) {
            throw new CommandRefusal(CommandError.COMMAND_UNSIGNED, "not a signed command: " + e.getMessage(), null);
        }
        CommandVerifier v = verifier.get();
        if (v == null) {
            throw new CommandRefusal(CommandError.COMMAND_SIGNATURE_INVALID,
                    "no hub key is pinned on this kiosk, so no command can be verified", null);
        }
        Command c = v.verify(signed);
        if (spent.seen(c)) {
            throw new CommandRefusal(CommandError.COMMAND_REPLAYED, "command " + c.commandId()
                    + " was already received; a signed command is carried out once", c);
        }
        return c;
    }

    private void refuse(String id, CommandError code, String why, Map<String, String> details) {
        errors.add(code.name(), why);
        Instant now = clock.instant();
        if (Duration.between(refusalWindow, now).compareTo(Duration.ofMinutes(1)) >= 0) {
            refusalWindow = now;
            refusalsInWindow = 0;
        }
        if (++refusalsInWindow > REFUSALS_PER_MINUTE) {
            suppressed++;
            return;
        }
        Map<String, String> d = new LinkedHashMap<>(details);
        if (suppressed > 0) {
            d.put("suppressed", Integer.toString(suppressed));
            suppressed = 0;
        }
        LOG.warn("kiosk {} refused a message of its command topic: {} {}", self, code, why);
        replies.accept(reply(id, Reply.Outcome.REJECTED, code.name(), why, d));
    }

    /** Who takes {@code update-software}; until set, the command is refused as not supported. */
    void softwareUpdates(SoftwareUpdates updates) {
        this.updates = updates;
    }

    private void update(Command c) {
        SoftwareUpdates u = updates;
        if (u == null) {
            replies.accept(reply(c.commandId(), Reply.Outcome.REJECTED, CommandError.COMMAND_NOT_SUPPORTED.name(),
                    "this kiosk has no software updater (it does not use the hub's device API)", Map.of()));
            return;
        }
        try {
            replies.accept(reply(c.commandId(), Reply.Outcome.DONE, "OK", u.accept(c.args()), Map.of()));
        } catch (IllegalArgumentException e) {
            replies.accept(reply(c.commandId(), Reply.Outcome.REJECTED, CommandError.COMMAND_MALFORMED.name(),
                    e.getMessage(), Map.of()));
        }
    }

    private void reload(Command c) {
        ConfigAgent config = this.config.get();
        if (config == null) {
            replies.accept(reply(c.commandId(), Reply.Outcome.REJECTED, CommandError.COMMAND_NOT_SUPPORTED.name(),
                    "no hub configuration key is pinned on this kiosk", Map.of()));
            return;
        }
        try {
            long version = config.reload();
            replies.accept(reply(c.commandId(), Reply.Outcome.DONE, "OK", "configuration version " + version
                    + " reloaded", Map.of("configVersion", Long.toString(version))));
        } catch (IOException e) {
            errors.add(CommandError.COMMAND_FAILED.name(), "reload-config: " + e.getMessage());
            replies.accept(reply(c.commandId(), Reply.Outcome.FAILED, CommandError.COMMAND_FAILED.name(),
                    "configuration could not be read again: " + e.getMessage(), Map.of()));
        }
    }

    private void rotate(Command c) {
        try {
            Instant notAfter = rotation.rotate();
            replies.accept(reply(c.commandId(), Reply.Outcome.DONE, "OK", "device certificate renewed",
                    Map.of("certificateNotAfter", notAfter.toString())));
        } catch (UnsupportedOperationException e) {
            replies.accept(reply(c.commandId(), Reply.Outcome.REJECTED, CommandError.COMMAND_NOT_SUPPORTED.name(),
                    e.getMessage(), Map.of()));
        } catch (Exception e) {
            errors.add(CommandError.COMMAND_FAILED.name(), "rotate-cert: " + e.getMessage());
            replies.accept(reply(c.commandId(), Reply.Outcome.FAILED, CommandError.COMMAND_FAILED.name(),
                    "certificate renewal failed, the current certificate stays in use: " + e.getMessage(), Map.of()));
        }
    }

    /** A reply id for a message whose claims cannot be trusted: derived from its bytes, never from what it says. */
    static String unverifiedId(byte[] payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload == null ? new byte[0] : payload);
            return "unverified-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private Reply reply(String id, Reply.Outcome outcome, String code, String message, Map<String, String> details) {
        // always in this kiosk's name: the hub reads a reply only from the kiosk whose topic it comes on
        return new Reply(id, self.site(), self.kioskId(), outcome, code, message, clock.instant(), details,
                ProtocolCodec.SCHEMA_VERSION);
    }
}
