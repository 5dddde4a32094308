package fr.vigie.config;

import fr.vigie.protocol.Command;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.SignedCommand;
import fr.vigie.provisioning.signing.HubJwsSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Hub side: prepares remote commands (issue time, expiry, fresh nonce) and signs them with the hub's
 * signing key through its one signing path, {@link HubJwsSigner}: the JWS payload is the
 * {@link Command} as {@link ProtocolCodec} writes it, the {@code typ} is
 * {@value SignedCommand#JWS_TYPE}. Kiosks check it with {@link CommandVerifier}. Thread-safe when
 * {@code random} is (a {@link java.security.SecureRandom} in production).
 *
 * <pre>{@code
 * CommandSigner signer = new CommandSigner(hubJwsSigner, clock, new SecureRandom());
 * Command c = signer.prepare(kiosk, requestId, "diagnostics", Map.of(), Duration.ofMinutes(5));
 * byte[] wire = codec.encode(signer.sign(c));
 * }</pre>
 */
public final class CommandSigner {
    private static final int NONCE_BYTES = 16;
    private final HubJwsSigner signer;
    private final Clock clock;
    private final RandomGenerator random;
    private final ProtocolCodec codec = new ProtocolCodec();

    public CommandSigner(HubJwsSigner signer, Clock clock, RandomGenerator random) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A command issued now for {@code kiosk}, valid for {@code lifetime} (at most
     * {@link Command#MAX_LIFETIME}), with a fresh 128-bit nonce.
     */
    public Command prepare(KioskAddress kiosk, String requestId, String name, Map<String, String> args,
            Duration lifetime) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return new Command(requestId, kiosk.site(), kiosk.kioskId(), name, args, now, now.plus(lifetime),
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), ProtocolCodec.SCHEMA_VERSION);
    }

    /** Signs {@code command} as it will travel on the kiosk's command topic. */
    public SignedCommand sign(Command command) {
        String payload = new String(codec.encode(command), StandardCharsets.UTF_8);
        return new SignedCommand(signer.sign(SignedCommand.JWS_TYPE, payload), ProtocolCodec.SCHEMA_VERSION);
    }
}
