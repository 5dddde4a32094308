package fr.vigie.provisioning;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * PKCS#12 files holding private keys encrypted at rest: each key entry with PBES2
 * (PBKDF2-HMAC-SHA256, AES-256-CBC, random salt and IV, configurable iterations), and the whole
 * file under the JDK's PKCS#12 integrity MAC, so that a wrong password is told apart from a
 * damaged file. The format is standard: {@code openssl pkcs12 -info} can inspect a backup.
 */
public final class Pkcs12Files {
    public static final String KEY_ENCRYPTION = "PBEWithHmacSHA256AndAES_256";

    private Pkcs12Files() {
    }

    /** A key and its certificate chain, leaf first. */
    public record Entry(PrivateKey key, X509Certificate[] chain) {
    }

    public static void write(Path file, Map<String, Entry> entries, char[] password, int iterations, SecureRandom random)
            throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                byte[] salt = new byte[16];
                byte[] iv = new byte[16];
                random.nextBytes(salt);
                random.nextBytes(iv);
                ks.setEntry(e.getKey(), new KeyStore.PrivateKeyEntry(e.getValue().key(), e.getValue().chain()),
                        new KeyStore.PasswordProtection(password, KEY_ENCRYPTION,
                                new PBEParameterSpec(salt, iterations, new IvParameterSpec(iv))));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            AtomicFiles.write(file, out.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot write a PBES2-protected PKCS#12 file", e);
        }
    }

    /**
     * Reads every key entry of {@code file}.
     *
     * @throws ProvisioningException {@code wrongPassword} when the MAC does not verify,
     *     {@code damaged} when the file is not a PKCS#12 store of key entries
     */
    public static Map<String, Entry> read(Path file, char[] password, ProvisioningError wrongPassword,
            ProvisioningError damaged) throws IOException, ProvisioningException {
        byte[] bytes = Files.readAllBytes(file);
        KeyStore ks;
        try {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ProvisioningException(wrongPassword, "the password does not open " + file.getFileName());
            }
            throw new ProvisioningException(damaged, file.getFileName() + " is not a readable PKCS#12 store", e);
        } catch (GeneralSecurityException e) {
            throw new ProvisioningException(damaged, file.getFileName() + " is not a readable PKCS#12 store", e);
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        try {
            for (String alias : java.util.Collections.list(ks.aliases())) {
                if (!(ks.getKey(alias, password) instanceof PrivateKey key)) {
                    throw new ProvisioningException(damaged, file.getFileName() + " entry '" + alias + "' is not a private key");
                }
                Certificate[] chain = ks.getCertificateChain(alias);
                X509Certificate[] x509 = new X509Certificate[chain == null ? 0 : chain.length];
                for (int i = 0; i < x509.length; i++) {
                    x509[i] = (X509Certificate) chain[i];
                }
                out.put(alias, new Entry(key, x509));
            }
        } catch (UnrecoverableKeyException e) {
            throw new ProvisioningException(wrongPassword, "the password does not open the keys of " + file.getFileName());
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new ProvisioningException(damaged, file.getFileName() + " has an unreadable entry", e);
        }
        return out;
    }
}
