package fr.vigie.hub.enrol;

import fr.vigie.config.ConfigSigner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import fr.vigie.provisioning.AtomicFiles;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The hub's key for signing kiosk configurations (ES256): generated on first start, kept in
 * {@code <data>/config-signing.p12} (mode 600) encrypted under the site CA's passphrase. Kiosks fetch
 * its public key over the mutually authenticated device API ({@code /device/v1/config/signing-key})
 * right after enrolment and pin it. Thread-safe, immutable.
 *
 * <pre>{@code
 * ConfigBundle first = configKey.signer(clock).sign(kiosk, 1, KioskSettings.defaults());
 * }</pre>
 */
public final class ConfigSigningKey {
    /** File name in the hub's data directory. */
    public static final String FILE_NAME = "config-signing.p12";
    private static final String ALIAS = "config";

    private final ECPrivateKey key;
    private final ECPublicKey publicKey;
    private final String keyId;

    private ConfigSigningKey(ECPrivateKey key, ECPublicKey publicKey) {
        this.key = key;
        this.publicKey = publicKey;
        this.keyId = "config-" + fingerprint(publicKey).substring(0, 16);
    }

    /** Opens the key in {@code file}, creating it on first start. */
    public static ConfigSigningKey openOrCreate(Path file, char[] passphrase, Clock clock) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                ks.load(new ByteArrayInputStream(Files.readAllBytes(file)), passphrase);
                ECPrivateKey key = (ECPrivateKey) ks.getKey(ALIAS, passphrase);
                return new ConfigSigningKey(key, (ECPublicKey) ks.getCertificate(ALIAS).getPublicKey());
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = g.generateKeyPair();
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), passphrase, new Certificate[] {selfSigned(pair, clock.instant())});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, passphrase);
            AtomicFiles.write(file, out.toByteArray());
            return new ConfigSigningKey((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic());
        } catch (GeneralSecurityException | ClassCastException | OperatorCreationException e) {
            throw new IOException("cannot open the configuration signing key " + file + ": " + e, e);
        }
    }

    /** A signer of configurations with this key. */
    public ConfigSigner signer(Clock clock) {
        return new ConfigSigner(key, keyId, clock);
    }

    public ECPublicKey publicKey() {
        return publicKey;
    }

    /** The key id in the JWS headers, e.g. {@code config-3f9c0a12b4de5f60}. */
    public String keyId() {
        return keyId;
    }

    /** The public key as PEM ({@code PUBLIC KEY}, SubjectPublicKeyInfo). */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static X509Certificate selfSigned(KeyPair pair, Instant now)
            throws OperatorCreationException, GeneralSecurityException {
        X500Name name = new X500Name("CN=Vigie configuration signer,O=Vigie");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now), Date.from(now.plus(Duration.ofDays(36500))),
                name, pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    private static String fingerprint(ECPublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
