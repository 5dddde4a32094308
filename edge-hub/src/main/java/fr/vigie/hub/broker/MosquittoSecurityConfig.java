package fr.vigie.hub.broker;

import fr.vigie.protocol.Topics;
import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.siteca.SiteCa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Writes the access-control configuration of a site's Mosquitto 2 broker, the production
 * counterpart of the embedded broker's extension. {@link #write} produces in one folder:
 * <ul>
 * <li>{@value #CONF}: a fragment to {@code include_dir} or append to mosquitto.conf, with
 * {@code per_listener_settings true} and two listeners: the hub's on 127.0.0.1 (its username and
 * password only) and the devices' (TLS 1.3, {@code require_certificate true},
 * {@code use_identity_as_username true}, {@code use_username_as_clientid true}, the site CA as
 * {@code cafile}, its CRL as {@code crlfile}); neither accepts anonymous clients;</li>
 * <li>{@value #HUB_ACL} and {@value #DEVICE_ACL}: each listener's ACL;</li>
 * <li>{@value #PASSWORDS}: the hub's password, hashed as {@code mosquitto_passwd} does (PBKDF2-SHA512);</li>
 * <li>{@code site-ca.pem}, {@value #CRL}, {@code broker.pem} (server certificate and CA chain) and
 * {@code broker.key} (a fresh EC P-256 key).</li>
 * </ul>
 * Secrets ({@code broker.key}, {@value #PASSWORDS}) are written owner-only: Mosquitto must run as the
 * hub's user ({@code user} in mosquitto.conf) to read them.
 *
 * <p><b>Naming scheme.</b> A device certificate's subject is {@code CN=<kioskId>, OU=<site>,
 * O=Vigie}; with {@code use_identity_as_username} Mosquitto takes the CN as the username, and with
 * {@code use_username_as_clientid} as the client id too, whatever the device sent: a device can take
 * over neither another kiosk's session nor the hub's. Mosquitto's ACL {@code pattern} lines only
 * substitute {@code %u} and {@code %c}, so the site is written into the patterns literally: one broker
 * serves one site, and the site CA only issues certificates for its own site. A kiosk id never holds
 * {@code /}, {@code +} or {@code #}, so {@code %u} cannot widen a pattern. The ACLs do not change when
 * a kiosk is enrolled or revoked; revocation is the CRL: {@link #refreshCrl} then {@code SIGHUP}
 * (what {@link SiteMosquitto} does for the hub).
 *
 * <p><b>Hub.</b> The hub connects on the 127.0.0.1 listener with {@value HubMqttCredentials#USERNAME}
 * and its password ({@link HubMqttCredentials}); its ACL lets it read every kiosk's event, status and
 * reply and write cmd and config. Nobody else has an account on that listener. Stateless; the files
 * are rewritten whole.
 */
public final class MosquittoSecurityConfig {
    /** The configuration fragment's file name. */
    public static final String CONF = "vigie-security.conf";
    /** The ACL of the hub's listener. */
    public static final String HUB_ACL = "vigie-hub.acl";
    /** The ACL of the devices' listener. */
    public static final String DEVICE_ACL = "vigie-devices.acl";
    /** The password file of the hub's listener. */
    public static final String PASSWORDS = "vigie-hub.passwd";
    /** The CRL file's name, rewritten by {@link #refreshCrl}. */
    public static final String CRL = "site-ca.crl.pem";
    /** PBKDF2 iterations of the hub's password hash (mosquitto_passwd uses 101; the password has 256 bits). */
    private static final int PBKDF2_ITERATIONS = 1000;

    private MosquittoSecurityConfig() {
    }

    /**
     * Writes the fragment, the ACLs, the password file and the TLS files into {@code dir} (made
     * owner-only when the hub creates it).
     *
     * @param tls the device listener (its port must not be 0)
     * @param hubPort the port of the hub's loopback listener
     * @param hub the hub's credentials, the only account of that listener
     * @return the configuration fragment
     */
    public static Path write(Path dir, BrokerTls tls, int hubPort, HubMqttCredentials hub) throws IOException {
        if (tls.port() == 0 || hubPort <= 0 || hubPort > 65535) {
            throw new IllegalArgumentException("Mosquitto needs fixed ports, got device " + tls.port() + " and hub " + hubPort);
        }
        if (!Files.isDirectory(dir)) {
            AtomicFiles.createPrivateDirectory(dir);
        }
        SiteCa ca = tls.siteCa();
        Files.writeString(dir.resolve("site-ca.pem"), pem(ca.caChain()), StandardCharsets.US_ASCII);
        refreshCrl(dir, ca);
        KeyPair key = newKey();
        X509Certificate server = ca.issueServer(key.getPublic(), "broker", tls.dnsNames(), tls.ipAddresses());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(server);
        chain.addAll(ca.caChain());
        Files.writeString(dir.resolve("broker.pem"), pem(chain), StandardCharsets.US_ASCII);
        AtomicFiles.write(dir.resolve("broker.key"),
                pem("PRIVATE KEY", key.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII));
        char[] password = hub.password();
        try {
            AtomicFiles.write(dir.resolve(PASSWORDS), (HubMqttCredentials.USERNAME + ":" + passwordHash(password,
                    new SecureRandom()) + "\n").getBytes(StandardCharsets.US_ASCII));
        } finally {
            Arrays.fill(password, '\0');
        }
        Files.writeString(dir.resolve(HUB_ACL), hubAcl(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(DEVICE_ACL), deviceAcl(ca.settings().site()), StandardCharsets.US_ASCII);
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
                "per_listener_settings true",
                "",
                "# the hub's clients: loopback only, the hub's username and password",
                "listener " + hubPort + " 127.0.0.1",
                "allow_anonymous false",
                "password_file " + dir.resolve(PASSWORDS),
                "acl_file " + dir.resolve(HUB_ACL),
                "",
                "# devices: TLS 1.3, a certificate of this site's CA required; its CN is the username and client id",
                "listener " + tlsPort + " " + bindAddress,
                "allow_anonymous false",
                "tls_version tlsv1.3",
                "cafile " + dir.resolve("site-ca.pem"),
                "certfile " + dir.resolve("broker.pem"),
                "keyfile " + dir.resolve("broker.key"),
                "crlfile " + dir.resolve(CRL),
                "require_certificate true",
                "use_identity_as_username true",
                "use_username_as_clientid true",
                "acl_file " + dir.resolve(DEVICE_ACL),
                "");
    }

    /** The hub listener's ACL: the hub reads events, statuses and replies, writes commands and configurations. */
    static String hubAcl() {
        String root = Topics.ROOT + "/+/+/";
        return String.join("\n",
                "# Vigie ACL of the hub's listener, generated: do not edit (see MosquittoSecurityConfig)",
                "user " + HubMqttCredentials.USERNAME,
                "topic read " + root + Topics.Channel.EVENT.segment(),
                "topic read " + root + Topics.Channel.STATUS.segment(),
                "topic read " + root + Topics.Channel.REPLY.segment(),
                "topic write " + root + Topics.Channel.CMD.segment(),
                "topic write " + root + Topics.Channel.CONFIG.segment(),
                "");
    }

    /** The device listener's ACL: the device patterns with the site written in, nothing else. */
    static String deviceAcl(String site) {
        String own = Topics.ROOT + "/" + site + "/%u/";
        return String.join("\n",
                "# Vigie ACL of the device listener for site " + site + ", generated: do not edit (see MosquittoSecurityConfig)",
                "# username = certificate CN = kiosk id; only their own subtree",
                "pattern write " + own + Topics.Channel.EVENT.segment(),
                "pattern write " + own + Topics.Channel.STATUS.segment(),
                "pattern write " + own + Topics.Channel.REPLY.segment(),
                "pattern read " + own + Topics.Channel.CMD.segment(),
                "pattern read " + own + Topics.Channel.CONFIG.segment(),
                "");
    }

    /** {@code $7$<iterations>$<salt>$<hash>}: PBKDF2-HMAC-SHA512, 12-byte salt, as {@code mosquitto_passwd} writes. */
    static String passwordHash(char[] password, SecureRandom random) {
        byte[] salt = new byte[12];
        random.nextBytes(salt);
        return passwordHash(password, salt, PBKDF2_ITERATIONS);
    }

    static String passwordHash(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 512);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            spec.clearPassword();
            Base64.Encoder b64 = Base64.getEncoder();
            return "$7$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is unavailable", e);
        }
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
