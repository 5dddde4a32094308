package fr.vigie.provisioning.igcsante;

import fr.vigie.hardware.sim.igcsante.IgcSanteSandboxCa;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.testing.MutableClock;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * Two sandbox IGC-Santé hierarchies with the same names but different keys (the second one forges
 * the first), built once per JVM, and card certificates from them.
 */
final class IgcSanteFixture {
    /** The real clock's second when the fixture was built; every test sets its own clock from it. */
    static final MutableClock ISSUED = MutableClock.atRealNow();
    static final IgcSanteSandboxCa CA = IgcSanteSandboxCa.create(ISSUED, new SecureRandom());
    static final IgcSanteSandboxCa FORGER = IgcSanteSandboxCa.create(ISSUED, new SecureRandom());
    static final KeyPair CARD_KEYS = rsa();

    private IgcSanteFixture() {
    }

    /** A valid RPPS idNat_PS made from ten digits. */
    static String rpps(String tenDigits) {
        return "8" + tenDigits + IdNatPs.rppsCheckDigit(tenDigits);
    }

    static X509Certificate card(IgcSanteSandboxCa ca, String idNatPs) {
        return ca.certify(idNatPs, "MARTIN", "Claire", CARD_KEYS.getPublic());
    }

    /** A clock a day after the certificates were issued (two days into their validity). */
    static MutableClock dayAfter() {
        MutableClock c = new MutableClock(ISSUED.instant());
        c.advance(Duration.ofDays(1));
        return c;
    }

    private static KeyPair rsa() {
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
