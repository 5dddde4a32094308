package fr.vigie.provisioning.siteca;

import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.CertificateProfiles;
import fr.vigie.provisioning.EcKeys;
import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.Pkcs12Files;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.RevocationList;
import fr.vigie.provisioning.SubjectNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a site CA in its directory (mode 700):
 * <ul>
 * <li>{@code site-ca.p12}: root and issuing CA keys with their certificates, encrypted with the
 * passphrase (see {@link Pkcs12Files});</li>
 * <li>{@code ca-chain.pem}: the issuing and root certificates in clear, for whoever verifies;</li>
 * <li>{@code site-ca.crl.pem}: the latest CRL, which is also the record of revocations.</li>
 * </ul>
 * The key store is written first on creation: a crash before it is written leaves nothing, after
 * it the public files are rebuilt from it on the next start.
 */
final class CaStore {
    static final String KEYS = "site-ca.p12";
    static final String CHAIN = "ca-chain.pem";
    static final String CRL = "site-ca.crl.pem";
    private static final String ROOT = "root";
    private static final String ISSUING = "issuing";
    private static final String CRL_PEM = "X509 CRL";

    /** The two CA keys and certificates. */
    record Keys(PrivateKey rootKey, X509Certificate root, PrivateKey issuingKey, X509Certificate issuing) {
    }

    private final Path dir;
    private final char[] passphrase;
    private final int iterations;

    CaStore(Path dir, char[] passphrase, int iterations) {
        this.dir = dir;
        this.passphrase = passphrase.clone();
        this.iterations = iterations;
    }

    boolean exists() {
        return Files.exists(dir.resolve(KEYS));
    }

    Keys create(SiteCaSettings s, Instant now, SecureRandom random) throws IOException {
        AtomicFiles.createPrivateDirectory(dir);
        KeyPair root = EcKeys.generate(random);
        KeyPair issuing = EcKeys.generate(random);
        X509Certificate rootCert = CertificateProfiles.root(root,
                SubjectNames.caSubject("Vigie Root CA " + s.site(), s.site()), now.minus(s.backdate()),
                now.plus(s.rootValidity()), CertificateProfiles.serial(random));
        X509Certificate issuingCert = CertificateProfiles.issuing(issuing.getPublic(),
                SubjectNames.caSubject("Vigie Issuing CA " + s.site(), s.site()), rootCert, root.getPrivate(),
                now.minus(s.backdate()), now.plus(s.issuingValidity()), CertificateProfiles.serial(random));
        Map<String, Pkcs12Files.Entry> entries = new LinkedHashMap<>();
        entries.put(ROOT, new Pkcs12Files.Entry(root.getPrivate(), new X509Certificate[] {rootCert}));
        entries.put(ISSUING, new Pkcs12Files.Entry(issuing.getPrivate(), new X509Certificate[] {issuingCert, rootCert}));
        Pkcs12Files.write(dir.resolve(KEYS), entries, passphrase, iterations, random);
        Keys keys = new Keys(root.getPrivate(), rootCert, issuing.getPrivate(), issuingCert);
        writeChain(keys);
        return keys;
    }

    Keys open(String site) throws IOException, ProvisioningException {
        Map<String, Pkcs12Files.Entry> e = Pkcs12Files.read(dir.resolve(KEYS), passphrase,
                ProvisioningError.CA_PASSPHRASE_WRONG, ProvisioningError.CA_STORE_INVALID);
        Pkcs12Files.Entry root = e.get(ROOT);
        Pkcs12Files.Entry issuing = e.get(ISSUING);
        if (root == null || issuing == null || root.chain().length != 1 || issuing.chain().length != 2) {
            throw new ProvisioningException(ProvisioningError.CA_STORE_INVALID, KEYS + " must hold a root and an issuing CA");
        }
        Keys keys = new Keys(root.key(), root.chain()[0], issuing.key(), issuing.chain()[0]);
        try {
            keys.root().verify(keys.root().getPublicKey());
            keys.issuing().verify(keys.root().getPublicKey());
        } catch (GeneralSecurityException ex) {
            throw new ProvisioningException(ProvisioningError.CA_STORE_INVALID, "the stored CA certificates do not chain", ex);
        }
        if (!CertificateProfiles.nameOf(keys.issuing()).equals(
                SubjectNames.caSubject("Vigie Issuing CA " + site, site))) {
            throw new ProvisioningException(ProvisioningError.CA_STORE_INVALID,
                    "the stored CA is " + keys.issuing().getSubjectX500Principal() + ", not the CA of site '" + site + "'");
        }
        if (!Files.exists(dir.resolve(CHAIN))) {
            writeChain(keys);
        }
        return keys;
    }

    /** The stored CRL, or null when none was written yet. */
    X509CRL readCrl() throws IOException, ProvisioningException {
        Path file = dir.resolve(CRL);
        if (!Files.exists(file)) {
            return null;
        }
        byte[] der = Pem.decodeOne(Files.readString(file, StandardCharsets.US_ASCII), CRL_PEM);
        if (der == null) {
            throw new ProvisioningException(ProvisioningError.CA_STORE_INVALID, CRL + " is not one PEM CRL");
        }
        return RevocationList.parse(der);
    }

    void writeCrl(X509CRL crl) throws IOException {
        AtomicFiles.write(dir.resolve(CRL), pem(crl).getBytes(StandardCharsets.US_ASCII));
    }

    static String pem(X509CRL crl) {
        try {
            return Pem.encode(CRL_PEM, crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("cannot encode a CRL", e);
        }
    }

    private void writeChain(Keys keys) throws IOException {
        AtomicFiles.write(dir.resolve(CHAIN),
                Pem.certificates(List.of(keys.issuing(), keys.root())).getBytes(StandardCharsets.US_ASCII));
    }
}
