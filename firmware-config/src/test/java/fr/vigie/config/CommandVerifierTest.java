package fr.vigie.config;

import static fr.vigie.config.TestSigning.KIOSK;
import static fr.vigie.config.TestSigning.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import fr.vigie.protocol.Command;
import fr.vigie.protocol.CommandError;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.SignedCommand;
import fr.vigie.provisioning.signing.HubJwsSigner;
import fr.vigie.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandVerifierTest {
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private final KeyPair hub;
    private final MutableClock clock = new MutableClock(T0);
    private final CommandSigner signer;
    private final CommandVerifier verifier;

    CommandVerifierTest() throws Exception {
        hub = TestSigning.p256();
        signer = new CommandSigner(new HubJwsSigner((ECPrivateKey) hub.getPrivate(), "hub-1"), clock, new SecureRandom());
        verifier = new CommandVerifier((ECPublicKey) hub.getPublic(), KIOSK, clock);
    }

    @Test
    void commandSignedByTheHubForThisKioskVerifiesAfterTheWire() throws Exception {
        Command c = signer.prepare(KIOSK, "r-1", "reboot", Map.of("why", "update"), Duration.ofMinutes(5));
        SignedCommand sent = signer.sign(c);

        Command back = verifier.verify(CODEC.decodeSignedCommand(CODEC.encode(sent)));

        assertThat(back).isEqualTo(c);
        assertThat(back.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(JWSObject.parse(sent.jws()).getHeader().getType().getType()).isEqualTo("vigie-command+jws");
        assertThat(JWSObject.parse(sent.jws()).getHeader().getKeyID()).isEqualTo("hub-1");
    }

    @Test
    void everyPreparedCommandGetsItsOwnNonce() {
        Command a = signer.prepare(KIOSK, "r-1", "diagnostics", Map.of(), Duration.ofMinutes(5));
        Command b = signer.prepare(KIOSK, "r-1", "diagnostics", Map.of(), Duration.ofMinutes(5));

        assertThat(a.nonce()).isNotEqualTo(b.nonce()).hasSize(22);
    }

    @Test
    void commandSignedWithAnotherKeyIsRefusedAsSignatureInvalid() throws Exception {
        CommandSigner impostor = new CommandSigner(new HubJwsSigner((ECPrivateKey) TestSigning.p256().getPrivate(),
                "hub-1"), clock, new SecureRandom());

        CommandRefusal r = refused(impostor.sign(impostor.prepare(KIOSK, "r-2", "reboot", Map.of(), Duration.ofMinutes(5))));

        assertThat(r.error()).isEqualTo(CommandError.COMMAND_SIGNATURE_INVALID);
        assertThat(r.verified()).isEmpty();
    }

    @Test
    void tamperedCommandIsRefusedAsSignatureInvalid() {
        SignedCommand good = signer.sign(signer.prepare(KIOSK, "r-3", "diagnostics", Map.of(), Duration.ofMinutes(5)));
        String[] p = good.jws().split("\\.");
        String payload = new String(Base64URL.from(p[1]).decode(), StandardCharsets.UTF_8).replace("diagnostics", "reboot");

        assertThat(refused(new SignedCommand(p[0] + "." + Base64URL.encode(payload) + "." + p[2], 1)).error())
                .isEqualTo(CommandError.COMMAND_SIGNATURE_INVALID);
    }

    @Test
    void unsignedAndHmacCommandsAreRefused() throws Exception {
        String payload = new String(CODEC.encode(signer.prepare(KIOSK, "r-4", "reboot", Map.of(), Duration.ofMinutes(5))),
                StandardCharsets.UTF_8);
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"vigie-command+jws\"}") + "." + Base64URL.encode(payload) + ".";
        JWSObject hmac = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("vigie-command+jws"))
                .build(), new Payload(payload));
        hmac.sign(new MACSigner(hub.getPublic().getEncoded().length >= 32 ? hub.getPublic().getEncoded() : new byte[32]));

        assertThat(refused(new SignedCommand(none, 1)).error()).isEqualTo(CommandError.COMMAND_UNSIGNED);
        assertThat(refused(new SignedCommand(hmac.serialize(), 1)).error()).isEqualTo(CommandError.COMMAND_SIGNATURE_INVALID);
    }

    @Test
    void configurationSignedByTheHubDoesNotPassForACommand() {
        ConfigSigner configs = new ConfigSigner(new HubJwsSigner((ECPrivateKey) hub.getPrivate(), "hub-1"), clock);
        String bundleJws = configs.sign(KIOSK, 3, KioskSettings.defaults()).jws();

        CommandRefusal r = refused(new SignedCommand(bundleJws, 1));

        assertThat(r.error()).isEqualTo(CommandError.COMMAND_MALFORMED);
        assertThat(refused(new SignedCommand("not-a-jws", 1)).error()).isEqualTo(CommandError.COMMAND_MALFORMED);
    }

    @Test
    void signedContentThatIsNotACommandIsRefusedAsMalformed() {
        String jws = new HubJwsSigner((ECPrivateKey) hub.getPrivate(), "hub-1").sign(SignedCommand.JWS_TYPE,
                "{\"name\":\"reboot\"}");

        assertThat(refused(new SignedCommand(jws, 1)).error()).isEqualTo(CommandError.COMMAND_MALFORMED);
    }

    @Test
    void commandForAnotherKioskIsRefusedAndStillNamesItsRequest() {
        KioskAddress other = KioskAddress.of(KIOSK.site(), "kiosk-b");

        CommandRefusal r = refused(signer.sign(signer.prepare(other, "r-5", "reboot", Map.of(), Duration.ofMinutes(5))));

        assertThat(r.error()).isEqualTo(CommandError.COMMAND_WRONG_KIOSK);
        assertThat(r.verified()).map(Command::commandId).contains("r-5");
        assertThat(refused(signer.sign(signer.prepare(KioskAddress.of("other-site", KIOSK.kioskId()), "r-6", "reboot",
                Map.of(), Duration.ofMinutes(5)))).error()).isEqualTo(CommandError.COMMAND_WRONG_KIOSK);
    }

    @Test
    void expiredCommandIsRefusedOnlyPastItsExpiryAndTheClockSkew() throws Exception {
        SignedCommand c = signer.sign(signer.prepare(KIOSK, "r-7", "reboot", Map.of(), Duration.ofMinutes(5)));

        clock.set(T0.plus(Duration.ofMinutes(5)).plus(CommandVerifier.CLOCK_SKEW));
        assertThat(verifier.verify(c).commandId()).isEqualTo("r-7");
        clock.set(T0.plus(Duration.ofMinutes(5)).plus(CommandVerifier.CLOCK_SKEW).plusMillis(1));
        assertThat(refused(c).error()).isEqualTo(CommandError.COMMAND_EXPIRED);
    }

    @Test
    void commandIssuedInTheKiosksFutureIsRefusedAsExpired() {
        SignedCommand c = signer.sign(signer.prepare(KIOSK, "r-8", "reboot", Map.of(), Duration.ofMinutes(5)));

        clock.set(T0.minus(CommandVerifier.CLOCK_SKEW).minusSeconds(1));

        assertThat(refused(c).error()).isEqualTo(CommandError.COMMAND_EXPIRED);
    }

    private CommandRefusal refused(SignedCommand c) {
        try {
            Command accepted = verifier.verify(c);
            throw new AssertionError("accepted " + accepted);
        } catch (CommandRefusal r) {
            return r;
        }
    }
}
