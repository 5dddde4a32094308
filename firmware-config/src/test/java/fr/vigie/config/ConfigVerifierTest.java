package fr.vigie.config;

import static fr.vigie.config.TestSigning.KIOSK;
import static fr.vigie.config.TestSigning.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.provisioning.signing.HubJwsSigner;
import fr.vigie.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

class ConfigVerifierTest {
    private final KeyPair hub;
    private final ConfigSigner signer;
    private final ConfigVerifier verifier;
    private final KioskSettings settings = KioskSettings.defaults().withIdleLockSeconds(90);

    ConfigVerifierTest() throws Exception {
        hub = TestSigning.p256();
        signer = new ConfigSigner(new HubJwsSigner((ECPrivateKey) hub.getPrivate(), "hub-1"), new MutableClock(T0));
        verifier = new ConfigVerifier((ECPublicKey) hub.getPublic(), KIOSK);
    }

    @Test
    void signedBundleVerifiesAfterTheWireAndGivesItsSettings() throws Exception {
        ConfigBundle sent = signer.sign(KIOSK, 3, settings);
        ProtocolCodec codec = new ProtocolCodec();

        VerifiedConfig v = verifier.verify(codec.decodeConfig(codec.encode(sent)), 2);

        assertThat(v.settings()).isEqualTo(settings);
        assertThat(v.version()).isEqualTo(3);
        assertThat(v.kiosk()).isEqualTo(KIOSK);
        assertThat(v.issuedAt()).isEqualTo(T0);
        assertThat(JWSObject.parse(sent.jws()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(JWSObject.parse(sent.jws()).getHeader().getKeyID()).isEqualTo("hub-1");
    }

    @Test
    void tamperedPayloadIsRejectedAsSignatureInvalid() throws Exception {
        ConfigBundle b = signer.sign(KIOSK, 3, settings);
        String[] p = b.jws().split("\\.");
        String forged = new String(Base64URL.from(p[1]).decode(), StandardCharsets.UTF_8).replace("90", "3600");

        assertRejected(withJws(b, p[0] + "." + Base64URL.encode(forged) + "." + p[2]), ConfigError.CONFIG_SIGNATURE_INVALID);
    }

    @Test
    void bundleSignedWithAnotherKeyIsRejectedAsSignatureInvalid() throws Exception {
        ConfigSigner impostor = new ConfigSigner(new HubJwsSigner((ECPrivateKey) TestSigning.p256().getPrivate(),
                "hub-1"), new MutableClock(T0));

        assertRejected(impostor.sign(KIOSK, 3, settings), ConfigError.CONFIG_SIGNATURE_INVALID);
    }

    @Test
    void unsignedBundleIsRejected() throws Exception {
        ConfigBundle b = signer.sign(KIOSK, 3, settings);
        String payload = b.jws().split("\\.")[1];
        String none = new PlainObject(new Payload(Base64URL.from(payload))).serialize();
        String[] p = b.jws().split("\\.");

        assertRejected(withJws(b, none), ConfigError.CONFIG_UNSIGNED);
        assertRejected(withJws(b, p[0] + "." + p[1] + "."), ConfigError.CONFIG_UNSIGNED);
    }

    @Test
    void hs256BundleIsRejectedEvenWithTheHubPublicKeyAsSecret() throws Exception {
        ConfigBundle b = signer.sign(KIOSK, 3, settings);
        JWSObject hs = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), JWSObject.parse(b.jws()).getPayload());
        byte[] secret = new byte[64];
        System.arraycopy(hub.getPublic().getEncoded(), 0, secret, 0, 64);
        hs.sign(new MACSigner(secret));

        assertRejected(withJws(b, hs.serialize()), ConfigError.CONFIG_ALG_NOT_ALLOWED);
    }

    @Test
    void olderOrSameVersionIsRejectedAsReplay() throws Exception {
        assertRejected(signer.sign(KIOSK, 3, settings), 3, ConfigError.CONFIG_VERSION_NOT_NEWER);
        assertRejected(signer.sign(KIOSK, 2, settings), 3, ConfigError.CONFIG_VERSION_NOT_NEWER);
    }

    @Test
    void bundleForAnotherKioskIsRejected() throws Exception {
        assertRejected(signer.sign(KioskAddress.of("chu-nord", "kiosk-b"), 3, settings), ConfigError.CONFIG_WRONG_KIOSK);
    }

    @Test
    void envelopeThatDisagreesWithTheSignedContentIsRejected() throws Exception {
        ConfigBundle b = signer.sign(KIOSK, 3, settings);
        ConfigBundle relabelled = new ConfigBundle(b.site(), b.kioskId(), 99, b.issuedAt(), b.jws(), b.schema());

        assertRejected(relabelled, ConfigError.CONFIG_ENVELOPE_MISMATCH);
    }

    @Test
    void signedButInvalidContentIsRejectedNamingTheKey() throws Exception {
        ConfigBundle b = TestSigning.signedRaw(hub, KIOSK, 3, TestSigning.payload(KIOSK, 3, "{\"idleLockSeconds\":1}"));

        assertThatThrownBy(() -> verifier.verify(b, 0)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.error()).isEqualTo(ConfigError.CONFIG_CONTENT_INVALID))
                .hasMessageContaining("kiosk.session.idle-lock-seconds").hasMessageContaining("'1'");
    }

    @Test
    void garbageWrongTypeAndPayloadShapeAreRejectedAsMalformed() throws Exception {
        ConfigBundle b = signer.sign(KIOSK, 3, settings);
        JWSObject untyped = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), JWSObject.parse(b.jws()).getPayload());
        untyped.sign(new com.nimbusds.jose.crypto.ECDSASigner((ECPrivateKey) hub.getPrivate()));

        assertRejected(withJws(b, "not-a-jws"), ConfigError.CONFIG_MALFORMED);
        assertRejected(withJws(b, "e30.e30.AAAA.x"), ConfigError.CONFIG_MALFORMED);
        assertRejected(withJws(b, "%%%.e30.AAAA"), ConfigError.CONFIG_MALFORMED);
        assertRejected(withJws(b, untyped.serialize()), ConfigError.CONFIG_MALFORMED);
        assertRejected(TestSigning.signedRaw(hub, KIOSK, 3, "{\"site\":\"chu-nord\"}"), ConfigError.CONFIG_MALFORMED);
        assertRejected(TestSigning.signedRaw(hub, KIOSK, 3, TestSigning.payload(KIOSK, 3, "{}").replace("}", ",\"x\":1}")),
                ConfigError.CONFIG_MALFORMED);
    }

    private static ConfigBundle withJws(ConfigBundle b, String jws) {
        return new ConfigBundle(b.site(), b.kioskId(), b.version(), b.issuedAt(), jws, b.schema());
    }

    private void assertRejected(ConfigBundle b, ConfigError code) {
        assertRejected(b, 0, code);
    }

    private void assertRejected(ConfigBundle b, long highestSeen, ConfigError code) {
        assertThatThrownBy(() -> verifier.verify(b, highestSeen)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.error()).isEqualTo(code));
    }
}
