package fr.vigie.kiosk.fleet;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import fr.vigie.config.ConfigSigner;
import fr.vigie.config.KioskSettings;
import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.provisioning.signing.HubJwsSigner;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/** A hub key and the good and bad bundles the kiosk tests feed to a kiosk. */
final class Bundles {
    static final ProtocolCodec CODEC = new ProtocolCodec();
    final KeyPair hubKey;
    private final ConfigSigner signer;
    private final Instant at;

    Bundles(Clock clock) throws Exception {
        this.hubKey = p256();
        this.signer = new ConfigSigner(new HubJwsSigner((ECPrivateKey) hubKey.getPrivate(), "test-hub"), clock);
        this.at = clock.instant();
    }

    static KeyPair p256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    ConfigBundle signed(KioskAddress k, long version, KioskSettings s) {
        return signer.sign(k, version, s);
    }

    byte[] wire(KioskAddress k, long version, KioskSettings s) {
        return CODEC.encode(signed(k, version, s));
    }

    /** A good bundle whose signed payload had one setting changed afterwards. */
    byte[] tampered(KioskAddress k, long version) {
        ConfigBundle b = signed(k, version, KioskSettings.defaults().withIdleLockSeconds(60));
        String[] parts = b.jws().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"kiosk.session.idle-lock-seconds\":60", "\"kiosk.session.idle-lock-seconds\":3600");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        return CODEC.encode(new ConfigBundle(b.site(), b.kioskId(), b.version(), b.issuedAt(), forged, b.schema()));
    }

    /** The same content with {@code alg: none} and no signature. */
    byte[] unsigned(KioskAddress k, long version) {
        ConfigBundle b = signed(k, version, KioskSettings.defaults().withIdleLockSeconds(60));
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"vigie-config+jws\"}".getBytes(StandardCharsets.UTF_8));
        String unsigned = header + "." + b.jws().split("\\.")[1] + ".";
        return CODEC.encode(new ConfigBundle(b.site(), b.kioskId(), b.version(), b.issuedAt(), unsigned, b.schema()));
    }

    /** Properly signed by the hub key, with {@code settingsJson} as it is (e.g. the former camelCase names). */
    ConfigBundle signedRaw(KioskAddress k, long version, String settingsJson) throws Exception {
        String payload = "{\"site\":\"" + k.site() + "\",\"kioskId\":\"" + k.kioskId() + "\",\"version\":" + version
                + ",\"issuedAt\":\"" + at + "\",\"settings\":" + settingsJson + "}";
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("vigie-config+jws")).build(), new Payload(payload));
        jws.sign(new ECDSASigner((ECPrivateKey) hubKey.getPrivate()));
        return new ConfigBundle(k.site(), k.kioskId(), version, at, jws.serialize(), 1);
    }

    /** Properly signed by the hub key, but with settings out of range. */
    byte[] invalidContent(KioskAddress k, long version) throws Exception {
        String payload = "{\"site\":\"" + k.site() + "\",\"kioskId\":\"" + k.kioskId() + "\",\"version\":" + version
                + ",\"issuedAt\":\"" + at + "\",\"settings\":{\"kiosk.session.idle-lock-seconds\":1}}";
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("vigie-config+jws")).build(), new Payload(payload));
        jws.sign(new ECDSASigner((ECPrivateKey) hubKey.getPrivate()));
        return CODEC.encode(new ConfigBundle(k.site(), k.kioskId(), version, at, jws.serialize(), 1));
    }
}
