package fr.vigie.hub.broker;

import fr.vigie.provisioning.siteca.SiteCa;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The broker's TLS material, written afresh at each start: a new EC P-256 key with a server
 * certificate from the site CA (PKCS#12 key store) and the site's CA certificates (PKCS#12 trust
 * store), both under one random password that only goes into the broker's own configuration file.
 */
record BrokerKeystores(Path keyStore, Path trustStore, String password) {
    static final String ALIAS = "broker";

    static BrokerKeystores write(Path dir, BrokerTls tls) throws IOException {
        SiteCa ca = tls.siteCa();
        try {
            SecureRandom random = new SecureRandom();
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair key = generator.generateKeyPair();
            X509Certificate server = ca.issueServer(key.getPublic(), "broker", tls.dnsNames(), tls.ipAddresses());
            List<Certificate> chain = new ArrayList<>();
            chain.add(server);
            chain.addAll(ca.caChain());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(ALIAS, key.getPrivate(), password.toCharArray(), chain.toArray(new Certificate[0]));
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (X509Certificate caCert : ca.caChain()) {
                trust.setCertificateEntry("site-ca-" + i++, caCert);
            }
            Path keyFile = store(dir.resolve("broker-keystore.p12"), keys, password);
            Path trustFile = store(dir.resolve("broker-truststore.p12"), trust, password);
            return new BrokerKeystores(keyFile, trustFile, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create the broker's TLS key stores", e);
        }
    }

    private static Path store(Path file, KeyStore store, String password) throws IOException, GeneralSecurityException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        restrict(file);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    /** Owner-only where the file system knows POSIX permissions. */
    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's ACL applies
        }
    }

    @Override
    public String toString() {
        return "BrokerKeystores[" + keyStore + ", " + trustStore + "]";
    }
}
