package fr.vigie.provisioning.signing;

import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.CertificateProfiles;
import fr.vigie.provisioning.EcKeys;
import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.Pkcs12Files;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.SubjectNames;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.provisioning.siteca.SiteCaSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Map;

/**
 * A hub signing key (EC P-256) that never leaves the hub: generated on first use and kept in a
 * PKCS#12 file (mode 600, directory 700) whose key entry is encrypted with PBES2 under a passphrase,
 * exactly as the site CA keys are ({@link SiteCa}). Its public half is written beside it as
 * PEM for whoever verifies (kiosks pin it). Stateless; the returned keys are the caller's.
 *
 * <pre>{@code
 * KeyPair key = SigningKeyStore.openOrCreate(dir.resolve("config-signing.p12"), "config-signing", passphrase,
 *         SiteCaSettings.DEFAULT_ITERATIONS);
 * String pem = SigningKeyStore.publicKeyPem(key.getPublic());
 * }</pre>
 */
public final class SigningKeyStore {
    private static final String ALIAS = "signing";
    private static final String PUBLIC_KEY = "PUBLIC KEY";

    private SigningKeyStore() {
    }

    /**
     * Opens the key in {@code file}, or generates it there on first call.
     *
     * @param name a short name for the placeholder certificate's subject, e.g. {@code config-signing}
     * @throws ProvisioningException {@code CA_LOCKED} without a passphrase, {@code CA_PASSPHRASE_WRONG},
     *     {@code CA_STORE_INVALID} when the file is damaged or does not hold one EC P-256 key
     * @throws IOException when the file cannot be read or written
     */
    public static KeyPair openOrCreate(Path file, String name, char[] passphrase, int iterations)
            throws IOException, ProvisioningException {
        if (passphrase == null || passphrase.length == 0) {
            throw new ProvisioningException(ProvisioningError.CA_LOCKED, "no passphrase: " + file + " stays locked");
        }
        if (!Files.exists(file)) {
            Path dir = file.toAbsolutePath().getParent();
            AtomicFiles.createPrivateDirectory(dir);
            SecureRandom random = new SecureRandom();
            KeyPair keys = EcKeys.generate(random);
            var cert = CertificateProfiles.placeholder(keys, SubjectNames.caSubject("Vigie " + name, name),
                    Instant.now(), CertificateProfiles.serial(random));
            Pkcs12Files.write(file, Map.of(ALIAS, new Pkcs12Files.Entry(keys.getPrivate(),
                    new java.security.cert.X509Certificate[] {cert})), passphrase, iterations, random);
        }
        Map<String, Pkcs12Files.Entry> entries = Pkcs12Files.read(file, passphrase, ProvisioningError.CA_PASSPHRASE_WRONG,
                ProvisioningError.CA_STORE_INVALID);
        Pkcs12Files.Entry e = entries.get(ALIAS);
        if (entries.size() != 1 || e == null || e.chain().length != 1 || !(e.key() instanceof ECPrivateKey)
                || !EcKeys.isP256(e.chain()[0].getPublicKey())) {
            throw new ProvisioningException(ProvisioningError.CA_STORE_INVALID, file.getFileName()
                    + " does not hold one EC P-256 signing key");
        }
        return new KeyPair(e.chain()[0].getPublicKey(), e.key());
    }

    /** The public key as a PEM {@code PUBLIC KEY} block (SubjectPublicKeyInfo). */
    public static String publicKeyPem(PublicKey key) {
        return Pem.encode(PUBLIC_KEY, key.getEncoded());
    }

    /**
     * Reads an EC P-256 public key from a PEM {@code PUBLIC KEY} block.
     *
     * @throws IllegalArgumentException when the text is not exactly one such key
     */
    public static ECPublicKey parsePublicKey(String pem) {
        byte[] der = pem == null || pem.length() > Pem.MAX_CHARS ? null : Pem.decodeOne(pem, PUBLIC_KEY);
        if (der == null) {
            throw new IllegalArgumentException("expected one PEM PUBLIC KEY block");
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (!(key instanceof ECPublicKey ec) || !EcKeys.isP256(ec)) {
                throw new IllegalArgumentException("the public key is not EC P-256");
            }
            return ec;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable public key: " + e.getMessage(), e);
        }
    }

    /** Reads {@link #parsePublicKey} from a UTF-8 file. */
    public static ECPublicKey readPublicKey(Path file) throws IOException {
        return parsePublicKey(Files.readString(file, StandardCharsets.US_ASCII));
    }
}
