package fr.vigie.provisioning;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** EC P-256 keys: generation, the curve check, signers, and the enrolment code of a public key. */
public final class EcKeys {
    public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    /** Crockford's base32: no I, L, O or U, so that a code read aloud or copied by hand survives. */
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private EcKeys() {
    }

    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate EC P-256 keys", e);
        }
    }

    public static boolean isP256(SubjectPublicKeyInfo spki) {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(spki.getAlgorithm().getAlgorithm())) {
            return false;
        }
        return spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve
                && SECObjectIdentifiers.secp256r1.equals(curve);
    }

    public static boolean isP256(PublicKey key) {
        return isP256(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    }

    public static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }

    /**
     * A short code derived from the SHA-256 of the public key (its SubjectPublicKeyInfo DER): the
     * first 40 bits in Crockford base32, as {@code XXXX-XXXX}. The kiosk shows it; the console shows
     * the one computed from the CSR; IT approves only when they match. 40 bits rather than 30 make
     * grinding a look-alike key for a given code cost about 2^40 key generations.
     */
    public static String enrolmentCode(byte[] subjectPublicKeyInfo) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (h[i] & 0xFF);
        }
        StringBuilder sb = new StringBuilder(9);
        for (int i = 7; i >= 0; i--) {
            sb.append(CROCKFORD[(int) ((bits >>> (5 * i)) & 31)]);
            if (i == 4) {
                sb.append('-');
            }
        }
        return sb.toString();
    }
}
