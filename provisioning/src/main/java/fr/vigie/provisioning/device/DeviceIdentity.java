package fr.vigie.provisioning.device;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.EnrolmentRequest;
import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.CertificateChecks;
import fr.vigie.provisioning.CertificateProfiles;
import fr.vigie.provisioning.EcKeys;
import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.Pkcs12Files;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.SubjectNames;
import fr.vigie.provisioning.TlsContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The kiosk's own identity: an EC P-256 key pair generated on the device, which never leaves it,
 * and the certificate chain the site CA issued for it. Thread-safe.
 *
 * <p><b>At rest.</b> The key lives in {@code <dataDir>/device-identity.p12}, a PKCS#12 file with
 * mode 600 in a directory with mode 700, its key entries encrypted with PBES2 (PBKDF2-HMAC-SHA256,
 * AES-256). The store password is meant to come from a {@link DeviceSecret} kept outside the data
 * directory: a copy of the data directory (a backup, a support bundle, a cloned image without the
 * secret) does not reveal the key, and other local users cannot read either file. It does not
 * protect against root on the running kiosk, nor against theft of the whole SD card, since a
 * Raspberry Pi has no secure element to hold the secret: revocation covers those cases.
 *
 * <p><b>API.</b> Nothing returns the private key: the key is only used to sign CSRs and through
 * the {@link #sslContext() SSLContext} for mutual TLS.
 *
 * <pre>{@code
 * DeviceIdentity id = DeviceIdentity.openOrCreate(dataDir, kiosk, DeviceSecret.loadOrCreate(secretFile), clock);
 * screen.show(id.enrolmentCode());
 * hub.enrol(id.csrPem());  ...  id.installCertificateChain(result.certificateChainPem());
 * SSLContext tls = id.sslContext();
 * if (id.isRenewalDue()) hub.renew(id.renewalCsrPem());
 * }</pre>
 */
public final class DeviceIdentity {
    /** File name of the identity store inside the kiosk data directory. */
    public static final String FILE_NAME = "device-identity.p12";
    private static final String CURRENT = "device";
    private static final String NEXT = "next";
    /** The password is a 256-bit random secret, not a human passphrase: stretching it adds nothing. */
    private static final int ITERATIONS = 10_000;

    private final Path file;
    private final KioskAddress kiosk;
    private final char[] password;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private Pkcs12Files.Entry current;
    private Pkcs12Files.Entry next;

    private DeviceIdentity(Path file, KioskAddress kiosk, char[] password, Clock clock,
            Pkcs12Files.Entry current, Pkcs12Files.Entry next) {
        this.file = file;
        this.kiosk = kiosk;
        this.password = password;
        this.clock = clock;
        this.current = current;
        this.next = next;
    }

    /**
     * Opens the identity stored in {@code dataDir}, or generates a new key pair there on first start.
     *
     * @throws ProvisioningException {@code DEVICE_STORE_INVALID} when the store cannot be opened
     *     with this password, is damaged, or belongs to another kiosk
     * @throws IOException when the store cannot be read or written
     */
    public static DeviceIdentity openOrCreate(Path dataDir, KioskAddress kiosk, char[] storePassword, Clock clock)
            throws IOException, ProvisioningException {
        if (storePassword == null || storePassword.length == 0) {
            throw new IllegalArgumentException("storePassword must not be empty");
        }
        AtomicFiles.createPrivateDirectory(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        char[] password = storePassword.clone();
        if (!Files.exists(file)) {
            DeviceIdentity created = new DeviceIdentity(file, kiosk, password, clock, fresh(kiosk, clock), null);
            created.save(created.current, null);
            return created;
        }
        Map<String, Pkcs12Files.Entry> entries = Pkcs12Files.read(file, password,
                ProvisioningError.DEVICE_STORE_INVALID, ProvisioningError.DEVICE_STORE_INVALID);
        Pkcs12Files.Entry current = entries.get(CURRENT);
        if (current == null || current.chain().length == 0) {
            throw new ProvisioningException(ProvisioningError.DEVICE_STORE_INVALID, file + " holds no device key");
        }
        if (!CertificateProfiles.nameOf(current.chain()[0]).equals(SubjectNames.deviceSubject(kiosk))) {
            throw new ProvisioningException(ProvisioningError.DEVICE_STORE_INVALID, file + " belongs to "
                    + current.chain()[0].getSubjectX500Principal() + ", not to kiosk " + kiosk);
        }
        return new DeviceIdentity(file, kiosk, password, clock, current, entries.get(NEXT));
    }

    private static Pkcs12Files.Entry fresh(KioskAddress kiosk, Clock clock) {
        SecureRandom random = new SecureRandom();
        KeyPair keys = EcKeys.generate(random);
        X509Certificate placeholder = CertificateProfiles.placeholder(keys, kiosk, clock.instant(),
                CertificateProfiles.serial(random));
        return new Pkcs12Files.Entry(keys.getPrivate(), new X509Certificate[] {placeholder});
    }

    public KioskAddress kiosk() {
        return kiosk;
    }

    /** The device's current public key. */
    public synchronized PublicKey publicKey() {
        return current.chain()[0].getPublicKey();
    }

    /** The code to show on screen so that IT can match this device's CSR, e.g. {@code K7F2-9QXM}. */
    public synchronized String enrolmentCode() {
        return EcKeys.enrolmentCode(publicKey().getEncoded());
    }

    /** A PEM PKCS#10 request for the current key, naming this kiosk. */
    public synchronized String csrPem() {
        return DeviceCsr.create(kiosk, new KeyPair(publicKey(), current.key()));
    }

    /**
     * The enrolment request of this device for its current key: its kiosk, CSR and enrolment code, and
     * the bootstrap token it was given, if any.
     */
    public synchronized EnrolmentRequest enrolmentRequest(Optional<String> bootstrapToken) {
        return EnrolmentRequest.of(kiosk, csrPem(), enrolmentCode(), bootstrapToken);
    }

    /**
     * A PEM CSR for the next key pair, generated on the device on first call and kept (encrypted)
     * until a certificate for it is installed; the current key stays in use until then.
     */
    public synchronized String renewalCsrPem() throws IOException {
        if (next == null) {
            Pkcs12Files.Entry pending = fresh(kiosk, clock);
            save(current, pending);
            next = pending;
        }
        return DeviceCsr.create(kiosk, new KeyPair(next.chain()[0].getPublicKey(), next.key()));
    }

    /** Whether a certificate from the site CA is installed. */
    public synchronized boolean isEnrolled() {
        return current.chain().length > 1;
    }

    /** The installed chain, device certificate first, site root last; empty before enrolment. */
    public synchronized List<X509Certificate> certificateChain() {
        return isEnrolled() ? List.of(current.chain()) : List.of();
    }

    /** When two thirds of the device certificate's lifetime have passed; empty before enrolment. */
    public synchronized Optional<Instant> renewalDueAt() {
        if (!isEnrolled()) {
            return Optional.empty();
        }
        Instant from = current.chain()[0].getNotBefore().toInstant();
        Instant to = current.chain()[0].getNotAfter().toInstant();
        return Optional.of(from.plus(Duration.between(from, to).multipliedBy(2).dividedBy(3)));
    }

    /** Whether the device certificate should be renewed now (false before enrolment). */
    public boolean isRenewalDue() {
        return renewalDueAt().map(due -> !clock.instant().isBefore(due)).orElse(false);
    }

    /**
     * Installs a chain issued for this device's current or pending key, device certificate first
     * and root last. A certificate for the pending key replaces the current key, which is destroyed.
     *
     * @throws ProvisioningException {@code CERT_MALFORMED}, {@code CERT_CHAIN_INVALID},
     *     {@code CERT_FOREIGN_CA} (a root other than the one already installed),
     *     {@code CERT_SUBJECT_INVALID}, {@code CERT_WRONG_USAGE}, {@code CERT_KEY_MISMATCH},
     *     {@code CERT_EXPIRED}
     */
    public synchronized void installCertificateChain(String chainPem) throws ProvisioningException, IOException {
        List<X509Certificate> chain = Pem.parseCertificates(chainPem);
        if (chain.size() < 2) {
            throw new ProvisioningException(ProvisioningError.CERT_CHAIN_INVALID,
                    "the chain must hold the device certificate and its CAs up to the site root");
        }
        CertificateChecks.linked(chain);
        X509Certificate root = chain.get(chain.size() - 1);
        if (isEnrolled() && !root.equals(current.chain()[current.chain().length - 1])) {
            throw new ProvisioningException(ProvisioningError.CERT_FOREIGN_CA,
                    "the chain ends at " + root.getSubjectX500Principal() + ", not at this site's root");
        }
        X509Certificate leaf = chain.get(0);
        KioskAddress named = CertificateChecks.kioskOf(leaf);
        if (!named.equals(kiosk)) {
            throw new ProvisioningException(ProvisioningError.CERT_SUBJECT_INVALID,
                    "certificate is for kiosk " + named + ", this is kiosk " + kiosk);
        }
        CertificateChecks.clientUsage(leaf);
        // Only expiry is checked here: a Pi has no RTC and may not have synchronised its clock yet.
        if (clock.instant().isAfter(leaf.getNotAfter().toInstant())) {
            throw new ProvisioningException(ProvisioningError.CERT_EXPIRED,
                    "certificate expired at " + leaf.getNotAfter().toInstant());
        }
        X509Certificate[] array = chain.toArray(new X509Certificate[0]);
        Pkcs12Files.Entry newCurrent;
        Pkcs12Files.Entry newNext = next;
        if (sameKey(leaf, current)) {
            newCurrent = new Pkcs12Files.Entry(current.key(), array);
        } else if (next != null && sameKey(leaf, next)) {
            newCurrent = new Pkcs12Files.Entry(next.key(), array);
            newNext = null;
        } else {
            throw new ProvisioningException(ProvisioningError.CERT_KEY_MISMATCH,
                    "certificate " + CertificateChecks.serialOf(leaf) + " is not for this device's key");
        }
        save(newCurrent, newNext);
        current = newCurrent;
        next = newNext;
    }

    /**
     * A TLS 1.3 context presenting the device certificate and trusting only the site root of the
     * installed chain, for the MQTT and HTTPS connections to the hub.
     *
     * @throws ProvisioningException {@code NOT_ENROLLED} before a certificate is installed
     */
    public synchronized SSLContext sslContext() throws ProvisioningException {
        if (!isEnrolled()) {
            throw new ProvisioningException(ProvisioningError.NOT_ENROLLED, "kiosk " + kiosk + " has no certificate yet");
        }
        X509Certificate[] chain = current.chain();
        return TlsContexts.create(current.key(), chain, TlsContexts.trusting(List.of(chain[chain.length - 1])));
    }

    private static boolean sameKey(X509Certificate cert, Pkcs12Files.Entry entry) {
        return Arrays.equals(cert.getPublicKey().getEncoded(), entry.chain()[0].getPublicKey().getEncoded());
    }

    private void save(Pkcs12Files.Entry newCurrent, Pkcs12Files.Entry newNext) throws IOException {
        Map<String, Pkcs12Files.Entry> entries = new LinkedHashMap<>();
        entries.put(CURRENT, newCurrent);
        if (newNext != null) {
            entries.put(NEXT, newNext);
        }
        Pkcs12Files.write(file, entries, password, ITERATIONS, random);
    }

    @Override
    public String toString() {
        return "DeviceIdentity[" + kiosk + ", enrolled=" + isEnrolled() + "]";
    }
}
