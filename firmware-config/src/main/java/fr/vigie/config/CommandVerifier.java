package fr.vigie.config;

import fr.vigie.protocol.Command;
import fr.vigie.protocol.CommandError;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.ProtocolException;
import fr.vigie.protocol.SignedCommand;
import fr.vigie.provisioning.signing.HubJwsException;
import fr.vigie.provisioning.signing.HubJwsVerifier;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Kiosk side: decides whether a signed command may be trusted, with the hub key pinned at enrolment.
 * In this order, each refusal with its {@link CommandError}: the hub's signature, through the one
 * verifying path {@link HubJwsVerifier} ({@code COMMAND_UNSIGNED} for {@code alg: none},
 * {@code COMMAND_SIGNATURE_INVALID} for another key, tampered content or another algorithm,
 * {@code COMMAND_MALFORMED} for an unreadable JWS or another kind of signed object); a signed content
 * that is a valid {@link Command} ({@code COMMAND_MALFORMED}); this kiosk as the target
 * ({@code COMMAND_WRONG_KIOSK}); the kiosk's clock between the issue time and the expiry, give or take
 * {@link #CLOCK_SKEW} ({@code COMMAND_EXPIRED}). Remembering which commands were already received
 * ({@code COMMAND_REPLAYED}) is the kiosk's job, with the {@link Command#nonce()} this returns.
 * Thread-safe.
 *
 * <pre>{@code
 * CommandVerifier verifier = new CommandVerifier(pinnedHubKey, self, clock);
 * Command c = verifier.verify(codec.decodeSignedCommand(payload));
 * }</pre>
 */
public final class CommandVerifier {
    /** How far the kiosk's clock may be from the hub's. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private final HubJwsVerifier verifier;
    private final KioskAddress self;
    private final Clock clock;
    private final ProtocolCodec codec = new ProtocolCodec();

    /**
     * @throws IllegalArgumentException when the key is not an EC P-256 key
     */
    public CommandVerifier(ECPublicKey hubKey, KioskAddress self, Clock clock) {
        this.verifier = new HubJwsVerifier(hubKey);
        this.self = Objects.requireNonNull(self, "self");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return the command, signed by the hub, for this kiosk, valid now
     * @throws CommandRefusal with the reason it must not be carried out
     */
    public Command verify(SignedCommand signed) throws CommandRefusal {
        String payload;
        try {
            payload = verifier.verify(signed.jws(), SignedCommand.JWS_TYPE);
        } catch (HubJwsException e) {
            throw new CommandRefusal(switch (e.reason()) {
                case MALFORMED, WRONG_TYPE -> CommandError.COMMAND_MALFORMED;
                case UNSIGNED -> CommandError.COMMAND_UNSIGNED;
                case ALG_NOT_ALLOWED, SIGNATURE_INVALID -> CommandError.COMMAND_SIGNATURE_INVALID;
            }, "command refused: " + e.getMessage(), null);
        }
        Command c;
        try {
            c = codec.decodeCommand(payload.getBytes(StandardCharsets.UTF_8));
        } catch (ProtocolException e) {
            throw new CommandRefusal(CommandError.COMMAND_MALFORMED, "signed content is not a command: "
                    + e.getMessage(), null);
        }
        if (!c.kiosk().equals(self)) {
            throw new CommandRefusal(CommandError.COMMAND_WRONG_KIOSK, "command is for kiosk " + c.kiosk()
                    + ", this is " + self, c);
        }
        Instant now = clock.instant();
        if (now.isAfter(c.expiresAt().plus(CLOCK_SKEW))) {
            throw new CommandRefusal(CommandError.COMMAND_EXPIRED, "command expired at " + c.expiresAt()
                    + " (kiosk clock " + now + ")", c);
        }
        if (c.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new CommandRefusal(CommandError.COMMAND_EXPIRED, "command issued at " + c.issuedAt()
                    + " is in the future of this kiosk's clock (" + now + ")", c);
        }
        return c;
    }

    /** Until when this kiosk must remember {@code command} to refuse a replay of it. */
    public static Instant rememberUntil(Command command) {
        return command.expiresAt().plus(CLOCK_SKEW);
    }
}
