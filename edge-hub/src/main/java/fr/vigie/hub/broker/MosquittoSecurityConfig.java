package fr.vigie.hub.broker;

import fr.vigie.protocol.Topics;
import fr.vigie.provisioning.SiteCa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes the access-control configuration of a site's Mosquitto 2 broker, the production
 * counterpart of the embedded broker's extension. {@link #write} produces in one folder:
 * <ul>
 * <li>{@code vigie-security.conf}: a fragment to {@code include_dir} or append to mosquitto.conf,
 * with a TLS 1.3 device listener ({@code require_certificate true}, {@code use_identity_as_username
 * true}, the site CA as {@code cafile}, its CRL as {@code crlfile}) and a plain 127.0.0.1 listener for
 * the hub;</li>
 * <li>{@code vigie.acl}: the ACL file;</li>
 * <li>{@code site-ca.pem}, {@code site-ca.crl.pem}, {@code broker.pem} (server certificate and CA
 * chain) and {@code broker.key} (a fresh EC P-256 key, owner-only).</li>
 * </ul>
 *
 * <p><b>Naming scheme.</b> A device certificate's subject is {@code CN=<kioskId>, OU=<site>,
 * O=Vigie}; with {@code use_identity_as_username} Mosquitto takes the CN as the username. Mosquitto's
 * ACL {@code pattern} lines only substitute {@code %u} and {@code %c}, so the site is written into the
 * patterns literally: one broker serves one site, and the site CA only issues certificates for its
 * own site. A kiosk id never holds {@code /}, {@code +} or {@code #}, so {@code %u} cannot widen a
 * pattern. The ACL does not change when a kiosk is enrolled or revoked; revocation is the CRL:
 * call {@link #refreshCrl} and send Mosquitto {@code SIGHUP}.
 *
 * <p><b>Hub.</b> The hub connects anonymously on the 127.0.0.1 listener; anonymous clients get
 * the ACL's leading {@code topic} lines (read every kiosk's event, status and reply; write cmd and
 * config). Devices cannot be anonymous: their listener refuses a TLS handshake without a certificate.
 *
 * <p><b>Limits.</b> Mosquitto cannot tie the client id to the certificate, so a device could take
 * over another kiosk's client id (and so end its session) though never read or write its topics.
 * Stateless; the files are rewritten whole.
 */
public final class MosquittoSecurityConfig {
    /** The configuration fragment's file name. */
    public static final String CONF = "vigie-security.conf";
    /** The ACL file's name. */
    public static final String ACL = "vigie.acl";
    /** The CRL file's name, rewritten by {@link #refreshCrl}. */
    public static final String CRL = "site-ca.crl.pem";

    private MosquittoSecurityConfig() {
    }

    /**
     * Writes the fragment, the ACL and the TLS files into {@code dir}.
     *
     * @param tls the device listener (its port must not be 0)
     * @param hubPort the port of the hub's plain loopback listener
     * @return the configuration fragment
     */
    public static Path write(Path dir, BrokerTls tls, int hubPort) throws IOException {
        if (tls.port() == 0 || hubPort <= 0 || hubPort > 65535) {
            throw new IllegalArgumentException("Mosquitto needs fixed ports, got device " + tls.port() + " and hub " + hubPort);
        }
        Files.createDirectories(dir);
        SiteCa ca = tls.siteCa();
        Files.writeString(dir.resolve("site-ca.pem"), pem(ca.caChain()), StandardCharsets.US_ASCII);
        refreshCrl(dir, ca);
        KeyPair key = newKey();
        X509Certificate server = ca.issueServer(key.getPublic(), "broker", tls.dnsNames(), tls.ipAddresses());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(server);
        chain.addAll(ca.caChain());
        Files.writeString(dir.resolve("broker.pem"), pem(chain), StandardCharsets.US_ASCII);
        Path keyFile = dir.resolve("broker.key");
        Files.deleteIfExists(keyFile);
        Files.createFile(keyFile);
        BrokerKeystores.restrict(keyFile);
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(ACL), acl(ca.settings().site()), StandardCharsets.US_ASCII);
        Path conf = dir.resolve(CONF);
        Files.writeString(conf, conf(dir, tls.bindAddress(), tls.port(), hubPort), StandardCharsets.US_ASCII);
        return conf;
    }

    /** Rewrites the CRL file from the site CA's current CRL; Mosquitto reads it again on SIGHUP. */
    public static void refreshCrl(Path dir, SiteCa ca) throws IOException {
        Path tmp = dir.resolve(CRL + ".tmp");
        Files.writeString(tmp, ca.currentCrlPem(), StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve(CRL), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The mosquitto.conf fragment. */
    static String conf(Path dir, String bindAddress, int tlsPort, int hubPort) {
        return String.join("\n",
                "# Vigie broker access control, generated: do not edit (see MosquittoSecurityConfig)",
                "per_listener_settings false",
                "allow_anonymous true",
                "acl_file " + dir.resolve(ACL),
                "",
                "# the hub's in-process client: loopback only, no TLS",
                "listener " + hubPort + " 127.0.0.1",
                "",
                "# devices: TLS 1.3, a certificate of this site's CA required, its CN is the username",
                "listener " + tlsPort + " " + bindAddress,
                "tls_version tlsv1.3",
                "cafile " + dir.resolve("site-ca.pem"),
                "certfile " + dir.resolve("broker.pem"),
                "keyfile " + dir.resolve("broker.key"),
                "crlfile " + dir.resolve(CRL),
                "require_certificate true",
                "use_identity_as_username true",
                "");
    }

    /** The ACL: anonymous (hub) rules first, then the device patterns with the site written in. */
    static String acl(String site) {
        String root = Topics.ROOT + "/";
        String own = root + site + "/%u/";
        return String.join("\n",
                "# Vigie ACL for site " + site + ", generated: do not edit (see MosquittoSecurityConfig)",
                "# anonymous clients: only the hub's loopback listener accepts them",
                "topic read " + root + "+/+/" + Topics.Channel.EVENT.segment(),
                "topic read " + root + "+/+/" + Topics.Channel.STATUS.segment(),
                "topic read " + root + "+/+/" + Topics.Channel.REPLY.segment(),
                "topic write " + root + "+/+/" + Topics.Channel.CMD.segment(),
                "topic write " + root + "+/+/" + Topics.Channel.CONFIG.segment(),
                "",
                "# devices: username = certificate CN = kiosk id; only their own subtree",
                "pattern write " + own + Topics.Channel.EVENT.segment(),
                "pattern write " + own + Topics.Channel.STATUS.segment(),
                "pattern write " + own + Topics.Channel.REPLY.segment(),
                "pattern read " + own + Topics.Channel.CMD.segment(),
                "pattern read " + own + Topics.Channel.CONFIG.segment(),
                "");
    }

    private static KeyPair newKey() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate the broker key", e);
        }
    }

    private static String pem(List<X509Certificate> certificates) throws IOException {
        StringBuilder out = new StringBuilder();
        for (X509Certificate c : certificates) {
            try {
                out.append(pem("CERTIFICATE", c.getEncoded()));
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IOException("cannot encode certificate " + c.getSubjectX500Principal(), e);
            }
        }
        return out.toString();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
