package fr.vigie.hub.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenLDAP directory for tests: Debian's {@code slapd} started as a child process on free loopback ports,
 * plain LDAP and LDAPS, from a {@code cn=config} that {@code slaptest} generates in a temporary directory after {@code slapadd} loaded the data (mdb
 * backend, memberOf overlay), its server certificate (for {@code 127.0.0.1} only) issued by a test CA made with
 * {@code openssl}. People and groups are loaded with {@code slapadd} before start and {@code ldapadd} /
 * {@code ldapmodify} after (groups through the server, so that the memberOf overlay maintains {@code memberOf}).
 * Needs {@code slapd ldap-utils openssl} (TEST_PACKAGES in ./vigie). One per test class; {@link #close} stops it.
 */
public final class TestSlapd implements AutoCloseable {
    public static final String SUFFIX = "dc=chu-nord,dc=test";
    public static final String ROOT_DN = "cn=root," + SUFFIX;
    public static final String SERVICE_DN = "cn=vigie,ou=services," + SUFFIX;
    public static final String SERVICE_PASSWORD = "service-bind-secret";
    public static final String PEOPLE = "ou=people," + SUFFIX;
    public static final String GROUPS = "ou=groups," + SUFFIX;
    private static final String ROOT_PASSWORD = "root-secret";

    private final Path dir;
    private final Process process;
    private final int ldapPort;
    private final int ldapsPort;

    private TestSlapd(Path dir, Process process, int ldapPort, int ldapsPort) {
        this.dir = dir;
        this.process = process;
        this.ldapPort = ldapPort;
        this.ldapsPort = ldapsPort;
    }

    /** Starts a directory in {@code dir} holding the suffix, {@code ou=people}, {@code ou=groups}, the hub's service account and {@code ldif}. */
    public static TestSlapd start(Path dir, String ldif) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("db"));
        Files.createDirectories(dir.resolve("slapd.d"));
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=Test directory CA");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out",
                "other-ca.pem", "-days", "2", "-subj", "/CN=Another CA");
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=directory");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                + "extendedKeyUsage=serverAuth\n");
        run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext");
        Path a = dir.toAbsolutePath();
        Files.writeString(dir.resolve("slapd.conf"), String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/nis.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "moduleload memberof",
                "pidfile " + a.resolve("slapd.pid"),
                "TLSCACertificateFile " + a.resolve("ca.pem"),
                "TLSCertificateFile " + a.resolve("server.pem"),
                "TLSCertificateKeyFile " + a.resolve("server.key"),
                "database mdb",
                "maxsize 10485760",
                "suffix \"" + SUFFIX + "\"",
                "rootdn \"" + ROOT_DN + "\"",
                "rootpw " + ROOT_PASSWORD,
                "directory " + a.resolve("db"),
                "access to attrs=userPassword by anonymous auth by * none",
                "access to * by dn.exact=\"" + SERVICE_DN + "\" read by * none",
                "overlay memberof",
                ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("base.ldif"), String.join("\n",
                "dn: " + SUFFIX, "objectClass: dcObject", "objectClass: organization", "o: CHU Nord", "dc: chu-nord", "",
                "dn: ou=services," + SUFFIX, "objectClass: organizationalUnit", "ou: services", "",
                "dn: " + SERVICE_DN, "objectClass: person", "cn: vigie", "sn: Vigie", "userPassword: " + SERVICE_PASSWORD,
                "",
                "dn: " + PEOPLE, "objectClass: organizationalUnit", "ou: people", "",
                "dn: " + GROUPS, "objectClass: organizationalUnit", "ou: groups", "", ldif, ""),
                StandardCharsets.UTF_8);
        // slapadd first (slaptest opens the database read-only, so it must exist), then cn=config from slapd.conf
        run(dir, "slapadd", "-f", "slapd.conf", "-l", "base.ldif");
        run(dir, "slaptest", "-f", "slapd.conf", "-F", "slapd.d");
        int ldap = freePort();
        int ldaps = freePort();
        Process p = new ProcessBuilder("slapd", "-F", "slapd.d", "-h", "ldap://127.0.0.1:" + ldap + "/ ldaps://127.0.0.1:"
                + ldaps + "/", "-d", "0").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("slapd.log").toFile()).start();
        TestSlapd slapd = new TestSlapd(dir, p, ldap, ldaps);
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (!slapd.listening(ldap) || !slapd.listening(ldaps)) {
            if (!p.isAlive() || Instant.now().isAfter(until)) {
                slapd.close();
                throw new IOException("slapd did not start: " + Files.readString(dir.resolve("slapd.log")));
            }
            Thread.sleep(20);
        }
        return slapd;
    }

    private boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code ldap://127.0.0.1:PORT} (clear, loopback). */
    public String ldapUrl() {
        return "ldap://127.0.0.1:" + ldapPort;
    }

    /** {@code ldaps://127.0.0.1:PORT}. */
    public String ldapsUrl() {
        return "ldaps://127.0.0.1:" + ldapsPort;
    }

    /** The same LDAPS listener by a name its certificate does not hold. */
    public String ldapsUrlByName() {
        return "ldaps://localhost:" + ldapsPort;
    }

    /** The CA that issued the server's certificate (PEM). */
    public Path ca() {
        return dir.resolve("ca.pem");
    }

    /** A CA that did not. */
    public Path otherCa() {
        return dir.resolve("other-ca.pem");
    }

    /** Adds entries through the server (as its root). */
    public void add(String ldif) throws IOException, InterruptedException {
        ldapTool("ldapadd", ldif);
    }

    /** Modifies entries through the server (as its root). */
    public void modify(String ldif) throws IOException, InterruptedException {
        ldapTool("ldapmodify", ldif);
    }

    private void ldapTool(String tool, String ldif) throws IOException, InterruptedException {
        Path f = Files.createTempFile(dir, tool, ".ldif");
        Files.writeString(f, ldif, StandardCharsets.UTF_8);
        run(dir, tool, "-x", "-H", ldapUrl(), "-D", ROOT_DN, "-w", ROOT_PASSWORD, "-f", f.toString());
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", List.of(command).subList(0, Math.min(2, command.length)))
                    + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
    }

    /** Whether slapd still runs. */
    public boolean running() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
