package fr.vigie.config;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;

/** Keys and hand-made bundles for configuration tests. */
final class TestSigning {
    static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "kiosk-a");
    static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    private TestSigning() {
    }

    static KeyPair p256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** A bundle for {@code kiosk} signed ES256 with {@code key} over any payload text. */
    static ConfigBundle signedRaw(KeyPair key, KioskAddress kiosk, long version, String payload) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType(BundlePayload.TYPE)).build(), new Payload(payload));
        jws.sign(new ECDSASigner((ECPrivateKey) key.getPrivate()));
        return new ConfigBundle(kiosk.site(), kiosk.kioskId(), version, T0, jws.serialize(), 1);
    }

    static String payload(KioskAddress kiosk, long version, String settingsJson) {
        return "{\"site\":\"" + kiosk.site() + "\",\"kioskId\":\"" + kiosk.kioskId() + "\",\"version\":" + version
                + ",\"issuedAt\":\"" + T0 + "\",\"settings\":" + settingsJson + "}";
    }
}
