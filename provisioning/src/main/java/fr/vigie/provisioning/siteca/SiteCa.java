package fr.vigie.provisioning.siteca;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.CertificateProfiles;
import fr.vigie.provisioning.EcKeys;
import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.RevocationList;
import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.SubjectNames;
import fr.vigie.provisioning.TlsContexts;
import fr.vigie.provisioning.device.DeviceCsr;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.device.RootPin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * The site's certificate authority, kept by the hub: a root CA and an issuing CA (EC P-256),
 * generated on first start. Issues device certificates from checked CSRs, the broker's server
 * certificate, and publishes revocations as a CRL signed by the issuing CA. Thread-safe.
 *
 * <p><b>At rest.</b> Both CA keys are in a PKCS#12 file (mode 600, directory 700) whose key entries
 * are encrypted with PBES2: PBKDF2-HMAC-SHA256 with {@link SiteCaSettings#keyProtectionIterations()}
 * iterations and AES-256-CBC, and whose content is covered by the PKCS#12 HMAC, so a wrong
 * passphrase is reported as {@link ProvisioningError#CA_PASSPHRASE_WRONG} rather than as damage.
 * PKCS#12 was chosen over a home-made AES-GCM envelope because it is a standard that
 * {@code openssl} and {@code keytool} can open for backup, audit and disaster recovery, and the
 * JDK writes and reads it without any provider of ours; the passphrase stretching is the same
 * PBKDF2 either way. The certificates and the CRL are public and kept in clear next to it.
 *
 * <pre>{@code
 * SiteCa ca = SiteCa.openOrCreate(caDir, SiteCaSettings.defaults("chu-nord"), passphrase, clock);
 * DeviceCsr csr = DeviceCsr.parse(request.csrPem());
 * X509Certificate cert = ca.issueDevice(csr, approvedKiosk);
 * String chainPem = ca.chainPem(cert);                // device, issuing CA, root
 * ca.revoke(cert.getSerialNumber(), RevocationReason.KEY_COMPROMISE);
 * }</pre>
 */
public final class SiteCa {
    private final SiteCaSettings settings;
    private final Clock clock;
    private final CaStore store;
    private final CaStore.Keys keys;
    private final RevocationList revocations;
    private final SecureRandom random = new SecureRandom();

    private SiteCa(SiteCaSettings settings, Clock clock, CaStore store, CaStore.Keys keys, RevocationList revocations) {
        this.settings = settings;
        this.clock = clock;
        this.store = store;
        this.keys = keys;
        this.revocations = revocations;
    }

    /**
     * Opens the CA kept in {@code dir}, or creates it there on first start.
     *
     * @throws ProvisioningException {@code CA_LOCKED} without a passphrase, {@code CA_PASSPHRASE_WRONG},
     *     {@code CA_STORE_INVALID} when the files are damaged or belong to another site
     * @throws IOException when the files cannot be read or written
     */
    public static SiteCa openOrCreate(Path dir, SiteCaSettings settings, char[] passphrase, Clock clock)
            throws IOException, ProvisioningException {
        if (passphrase == null || passphrase.length == 0) {
            throw new ProvisioningException(ProvisioningError.CA_LOCKED,
                    "no CA passphrase is configured: the site CA in " + dir + " stays locked");
        }
        CaStore store = new CaStore(dir, passphrase, settings.keyProtectionIterations());
        SecureRandom random = new SecureRandom();
        CaStore.Keys keys = store.exists() ? store.open(settings.site()) : store.create(settings, now(clock), random);
        X509CRL crl = store.readCrl();
        RevocationList revocations = crl == null ? new RevocationList() : RevocationList.read(crl, keys.issuing());
        SiteCa ca = new SiteCa(settings, clock, store, keys, revocations);
        if (crl == null) {
            ca.resign();
        }
        return ca;
    }

    public SiteCaSettings settings() {
        return settings;
    }

    public X509Certificate rootCertificate() {
        return keys.root();
    }

    public X509Certificate issuingCertificate() {
        return keys.issuing();
    }

    /** The CA certificates, issuing CA first, root last. */
    public List<X509Certificate> caChain() {
        return List.of(keys.issuing(), keys.root());
    }

    /** PEM of {@code leaf} followed by the issuing and root CA: what an enrolled kiosk installs. */
    public String chainPem(X509Certificate leaf) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(caChain());
        return Pem.certificates(chain);
    }

    /**
     * Issues a device certificate for a checked CSR that IT (or a bootstrap token) approved for
     * {@code approvedFor}: key usage digitalSignature, extended key usage clientAuth, the kiosk's
     * subject and URN, a random serial, {@link SiteCaSettings#deviceValidity()}.
     *
     * @throws ProvisioningException {@code CSR_SUBJECT_MISMATCH} when the CSR names another kiosk
     *     than the approved one, or a kiosk of another site
     */
    public X509Certificate issueDevice(DeviceCsr csr, KioskAddress approvedFor) throws ProvisioningException {
        if (!csr.kiosk().equals(approvedFor)) {
            throw new ProvisioningException(ProvisioningError.CSR_SUBJECT_MISMATCH,
                    "CSR names kiosk " + csr.kiosk() + " but was approved for kiosk " + approvedFor);
        }
        if (!approvedFor.site().equals(settings.site())) {
            throw new ProvisioningException(ProvisioningError.CSR_SUBJECT_MISMATCH,
                    "kiosk " + approvedFor + " is not of site '" + settings.site() + "' that this CA serves");
        }
        Instant now = now(clock);
        return CertificateProfiles.device(csr.publicKey(), approvedFor, keys.issuing(), keys.issuingKey(),
                now.minus(settings.backdate()), notAfter(now, settings.deviceValidity()),
                CertificateProfiles.serial(random));
    }

    /**
     * Issues a TLS server certificate (serverAuth) for a key the hub generated for its broker or
     * HTTPS listener, e.g. {@code issueServer(key, "broker", List.of("localhost"), List.of("127.0.0.1"))}.
     *
     * @throws IllegalArgumentException when the key is not EC P-256 or no name is given
     */
    public X509Certificate issueServer(PublicKey key, String commonName, List<String> dnsNames,
            List<String> ipAddresses) {
        if (!EcKeys.isP256(key)) {
            throw new IllegalArgumentException("server key must be EC P-256, got " + key.getAlgorithm());
        }
        if (commonName == null || commonName.isBlank() || dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs a common name and at least one DNS name or IP");
        }
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        Instant now = now(clock);
        return CertificateProfiles.server(key, SubjectNames.caSubject(commonName, settings.site()),
                new GeneralNames(names.toArray(new GeneralName[0])), keys.issuing(), keys.issuingKey(),
                now.minus(settings.backdate()), notAfter(now, settings.serverValidity()),
                CertificateProfiles.serial(random));
    }

    /**
     * A TLS 1.3 server context for one of the hub's listeners: a fresh EC P-256 key generated here,
     * kept in memory only (a new one at each start), with a server certificate from this CA for
     * {@code dnsNames} and {@code ipAddresses}, presented with the issuing and root CA; clients are
     * judged by {@code clientTrust}.
     */
    public SSLContext serverTlsContext(String commonName, List<String> dnsNames, List<String> ipAddresses,
            X509TrustManager clientTrust) {
        KeyPair key = EcKeys.generate(random);
        X509Certificate server = issueServer(key.getPublic(), commonName, dnsNames, ipAddresses);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(server);
        chain.addAll(caChain());
        return TlsContexts.create(key.getPrivate(), chain.toArray(new X509Certificate[0]), clientTrust);
    }

    /**
     * Issues a certificate for {@code device}'s current key and installs it there at once, without
     * the enrolment protocol: for tests, benchmarks and tools where the CA and the device share a
     * process. A real kiosk enrols over HTTPS.
     *
     * @return the issued certificate
     */
    public X509Certificate enrolInProcess(DeviceIdentity device) throws ProvisioningException, IOException {
        X509Certificate cert = issueDevice(DeviceCsr.parse(device.csrPem()), device.kiosk());
        device.installCertificateChain(chainPem(cert));
        return cert;
    }

    /** SHA-256 of the root certificate, lowercase hex: what a kiosk pins before its first enrolment. */
    public String rootFingerprint() {
        return RootPin.fingerprint(keys.root());
    }

    /**
     * Revokes a certificate serial and publishes a new CRL at once. Revoking a serial twice keeps
     * its first date and reason.
     *
     * @return the new CRL
     */
    public synchronized X509CRL revoke(BigInteger serial, RevocationReason reason) throws IOException {
        revocations.add(serial, now(clock), reason);
        return resign();
    }

    public synchronized boolean isRevoked(BigInteger serial) {
        return revocations.contains(serial);
    }

    /**
     * The current CRL, re-signed first when half of its validity has passed, so that verifiers
     * never hold a stale one.
     *
     * @throws UncheckedIOException when a re-signed CRL cannot be stored
     */
    public synchronized X509CRL currentCrl() {
        X509CRL crl = revocations.current();
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        if (!clock.instant().isBefore(thisUpdate.plus(settings.crlValidity().dividedBy(2)))) {
            try {
                return resign();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store the re-signed CRL", e);
            }
        }
        return crl;
    }

    /** The current CRL as PEM, for publication. */
    public String currentCrlPem() {
        return CaStore.pem(currentCrl());
    }

    /** A verifier of device certificates against this CA and its current CRL. */
    public DeviceCertificates deviceCertificates() {
        return new DeviceCertificates(keys.issuing(), this::currentCrl);
    }

    private X509CRL resign() throws IOException {
        X509CRL crl = revocations.sign(keys.issuing(), keys.issuingKey(), now(clock), settings.crlValidity());
        store.writeCrl(crl);
        return crl;
    }

    /** Never past the issuing CA: a certificate cannot outlive its issuer. */
    private Instant notAfter(Instant now, Duration validity) {
        Instant wanted = now.plus(validity);
        Instant cap = keys.issuing().getNotAfter().toInstant();
        return wanted.isAfter(cap) ? cap : wanted;
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "SiteCa[" + settings.site() + "]";
    }
}
