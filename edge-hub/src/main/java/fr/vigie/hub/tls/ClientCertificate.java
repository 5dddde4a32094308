package fr.vigie.hub.tls;

import fr.vigie.provisioning.Pkcs12Files;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.TlsContexts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;

/**
 * A private key and its certificate chain that the hub presents to a national service in the TLS
 * handshake, read from a PKCS#12 file whose password is in a file of its own. The file must hold
 * exactly one key entry with its chain, leaf first. Immutable; {@code toString()} names the file and
 * the certificate, never the key.
 *
 * <pre>{@code
 * ClientCertificate insi = ClientCertificate.load("hub.insi.certificate", Path.of("/etc/vigie/insi.p12"),
 *         "hub.insi.certificate-password-file", Path.of("/etc/vigie/insi.pass"));
 * SSLContext tls = insi.context(ServerTrust.jvmDefault());
 * }</pre>
 */
public final class ClientCertificate {
    private final Path file;
    private final Pkcs12Files.Entry entry;

    private ClientCertificate(Path file, Pkcs12Files.Entry entry) {
        this.file = file;
        this.entry = entry;
    }

    /**
     * Opens {@code file} with the password held in {@code passwordFile} (UTF-8, surrounding blanks and
     * the final newline ignored).
     *
     * @param fileKey the setting naming the PKCS#12 file, for messages
     * @param passwordKey the setting naming the password file, for messages
     * @throws IllegalArgumentException starting with the key at fault: a file missing or unreadable, an
     *     empty password, a wrong password, no key entry or several, a chain without certificate
     */
    public static ClientCertificate load(String fileKey, Path file, String passwordKey, Path passwordFile) {
        Objects.requireNonNull(file, fileKey);
        Objects.requireNonNull(passwordFile, passwordKey);
        char[] password;
        try {
            password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException(passwordKey + " " + passwordFile + " cannot be read: " + e);
        }
        try {
            if (password.length == 0) {
                throw new IllegalArgumentException(passwordKey + " " + passwordFile + " is empty");
            }
            Map<String, Pkcs12Files.Entry> entries = Pkcs12Files.read(file, password,
                    ProvisioningError.CA_PASSPHRASE_WRONG, ProvisioningError.CA_STORE_INVALID);
            if (entries.size() != 1) {
                throw new IllegalArgumentException(fileKey + " " + file + " must hold exactly one key and its"
                        + " certificate chain, it holds " + entries.size() + " key entries");
            }
            Pkcs12Files.Entry entry = entries.values().iterator().next();
            if (entry.chain().length == 0) {
                throw new IllegalArgumentException(fileKey + " " + file + " holds a key without its certificate");
            }
            return new ClientCertificate(file, entry);
        } catch (ProvisioningException e) {
            if (e.error() == ProvisioningError.CA_PASSPHRASE_WRONG) {
                throw new IllegalArgumentException(passwordKey + " " + passwordFile + " does not open " + fileKey
                        + " " + file + " (wrong password)");
            }
            throw new IllegalArgumentException(fileKey + " " + file + " is not a readable PKCS#12 file: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(fileKey + " " + file + " cannot be read: " + e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The certificate presented, first of the chain. */
    public X509Certificate leaf() {
        return entry.chain()[0];
    }

    /** The certificate chain of the PKCS#12, leaf first (what the hub presents in the handshake). */
    public List<X509Certificate> chain() {
        return List.of(entry.chain());
    }

    /** The PKCS#12 file it was read from. */
    public Path file() {
        return file;
    }

    /** The {@code CN} of the certificate's subject, e.g. {@code INSI-AUTO}; empty when it has none. */
    public Optional<String> commonName() {
        return attribute("CN");
    }

    /** The first {@code OU} of the certificate's subject (the structure identifier of an IGC-Santé organisation certificate). */
    public Optional<String> organisationalUnit() {
        return attribute("OU");
    }

    /** When the certificate stops being valid. */
    public Instant notAfter() {
        return leaf().getNotAfter().toInstant();
    }

    /** When the certificate starts being valid. */
    public Instant notBefore() {
        return leaf().getNotBefore().toInstant();
    }

    /** How close to its end a certificate gets a warning: the hub's start log and {@code hub check} say to renew it. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    /** Where a certificate stands in its validity at a moment. */
    public enum Validity {
        /** Its validity has not started: the service would refuse it. */
        NOT_YET_VALID,
        /** Its validity has ended: the service would refuse it. */
        EXPIRED,
        /** Valid, but ending within {@link #EXPIRY_WARNING}. */
        EXPIRES_SOON,
        /** Valid for longer than {@link #EXPIRY_WARNING}. */
        VALID
    }

    /** Where this certificate stands at {@code now}. */
    public Validity validityAt(Instant now) {
        if (now.isBefore(notBefore())) {
            return Validity.NOT_YET_VALID;
        }
        if (!now.isBefore(notAfter())) {
            return Validity.EXPIRED;
        }
        return now.plus(EXPIRY_WARNING).isAfter(notAfter()) ? Validity.EXPIRES_SOON : Validity.VALID;
    }

    /** A TLS context presenting this certificate and trusting {@code trust} for the server's. */
    public SSLContext context(ServerTrust trust) {
        return TlsContexts.create(entry.key(), entry.chain(), trust.trustManager());
    }

    private Optional<String> attribute(String type) {
        try {
            LdapName name = new LdapName(leaf().getSubjectX500Principal().getName());
            // LdapName lists RDNs from the last to the first: look from the start of the DN
            for (int i = name.size() - 1; i >= 0; i--) {
                Rdn rdn = name.getRdn(i);
                if (rdn.getType().equalsIgnoreCase(type)) {
                    return Optional.of(String.valueOf(rdn.getValue()));
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "ClientCertificate[" + file + ", subject=" + leaf().getSubjectX500Principal().getName() + ", notAfter="
                + notAfter() + "]";
    }
}
