package fr.vigie.hub.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's package repository read by the real APT of this machine (apt-get with a private state, cache and
 * source list, the key pinned with {@code signed-by}): the index is accepted, both versions are offered,
 * a package downloads with its hash checked; tampered metadata, another key and a swapped package are refused
 * by APT itself. Packages are built with the real dpkg-deb ({@link TestPackages}).
 */
class AptRepositoryIT {
    static final char[] PASSPHRASE = "repository test passphrase".toCharArray();
    @TempDir
    static Path dir;
    static RepositorySigningKey key;
    static AptRepository repository;
    static HttpServer server;

    @BeforeAll
    static void publish() throws Exception {
        key = RepositorySigningKey.openOrCreate(dir.resolve("key"), "Vigie test hub", PASSPHRASE, Clock.systemUTC());
        repository = new AptRepository(dir.resolve("repo"), key, "test-site", Clock.systemUTC());
        repository.add(deb("vigie-kiosk", "0.1.0", "all"));
        repository.add(deb("vigie-kiosk", "0.2.0~rc1", "all"));
        repository.add(deb("vigie-kiosk", "0.2.0", "all"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file = repository.root().resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(repository.root()) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aptAcceptsTheSignedIndexAndOffersEveryVersion() throws Exception {
        Path apt = aptRoot("good", key.publicKeyArmoured());
        Result update = apt(apt, "apt-get", "update");
        assertEquals(0, update.exit, update.output);
        assertThat(update.output).doesNotContain("W: ", "E: ");
        Result policy = apt(apt, "apt-cache", "policy", "vigie-kiosk");
        assertThat(policy.output).contains("Candidate: 0.2.0", "0.2.0~rc1", "0.1.0");
        Result download = apt(apt, "apt-get", "download", "vigie-kiosk=0.1.0");
        assertEquals(0, download.exit, download.output);
        assertThat(apt.resolve("work/vigie-kiosk_0.1.0_all.deb")).exists();
    }

    @Test
    void aptRefusesMetadataSignedByAnotherKey() throws Exception {
        RepositorySigningKey other = RepositorySigningKey.openOrCreate(dir.resolve("other-key"), "Someone else",
                PASSPHRASE, Clock.systemUTC());
        Path apt = aptRoot("other-key", other.publicKeyArmoured());
        Result update = apt(apt, "apt-get", "update");
        assertThat(update.output).contains("NO_PUBKEY " + key.fingerprint().substring(24));
        assertThat(apt(apt, "apt-cache", "policy", "vigie-kiosk").output).doesNotContain("Candidate: 0.2.0");
    }

    @Test
    void aptRefusesTamperedMetadataAndASwappedPackage() throws Exception {
        Path copy = dir.resolve("tampered-copy");
        AptRepository tampered = new AptRepository(copy, key, "test-site", Clock.systemUTC());
        tampered.add(deb("vigie-kiosk", "0.1.0", "all"));
        tampered.add(deb("vigie-kiosk", "0.2.0", "all"));
        Path inRelease = copy.resolve("dists/vigie/InRelease");
        Files.writeString(inRelease, Files.readString(inRelease).replace("Label: Vigie", "Label: Vigia"));
        Files.delete(copy.resolve("dists/vigie/Release.gpg"));
        HttpServer other = serve(copy);
        try {
            Path apt = aptRoot("tampered", key.publicKeyArmoured(), other.getAddress().getPort());
            Result update = apt(apt, "apt-get", "update");
            assertThat(update.output).containsAnyOf("BADSIG", "invalid", "not signed");
            assertThat(apt(apt, "apt-cache", "policy", "vigie-kiosk").output).doesNotContain("Candidate: 0.2.0");
        } finally {
            other.stop(0);
        }

        Path swapped = dir.resolve("swapped-copy");
        AptRepository swappedRepo = new AptRepository(swapped, key, "test-site", Clock.systemUTC());
        swappedRepo.add(deb("vigie-kiosk", "0.2.0", "all"));
        Path pooled = swapped.resolve("pool/main/vigie-kiosk/vigie-kiosk_0.2.0_all.deb");
        Path impostor = deb("vigie-kiosk", "0.2.0", "all", "something else entirely");
        Files.copy(impostor, pooled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        HttpServer swappedServer = serve(swapped);
        try {
            Path apt = aptRoot("swapped", key.publicKeyArmoured(), swappedServer.getAddress().getPort());
            assertEquals(0, apt(apt, "apt-get", "update").exit);
            Result download = apt(apt, "apt-get", "download", "vigie-kiosk=0.2.0");
            assertThat(download.exit).isNotZero();
            assertThat(download.output).containsAnyOf("Hash Sum mismatch", "unexpected size");
        } finally {
            swappedServer.stop(0);
        }
    }

    @Test
    void refusesWhatIsNotANewerVigiePackage() throws Exception {
        SoftwareRefusal older = assertThrows(SoftwareRefusal.class,
                () -> repository.add(deb("vigie-kiosk", "0.2.0~rc2", "all")));
        assertEquals(SoftwareRefusal.Code.PACKAGE_NOT_NEWER, older.code());
        assertThat(older.getMessage()).contains("0.2.0~rc2", "0.2.0");
        assertEquals(SoftwareRefusal.Code.PACKAGE_NOT_NEWER, assertThrows(SoftwareRefusal.class,
                () -> repository.add(deb("vigie-kiosk", "0.2.0", "all"))).code());
        assertEquals(SoftwareRefusal.Code.PACKAGE_NOT_VIGIE, assertThrows(SoftwareRefusal.class,
                () -> repository.add(deb("nginx-light", "9.0", "all"))).code());
        assertEquals(SoftwareRefusal.Code.PACKAGE_WRONG_ARCHITECTURE, assertThrows(SoftwareRefusal.class,
                () -> repository.add(deb("vigie-hub", "0.3.0", "amd64"))).code());
        Path text = dir.resolve("not-a-package.deb");
        Files.writeString(text, "!<arch>\nthis is not a Debian package\n");
        assertEquals(SoftwareRefusal.Code.PACKAGE_MALFORMED,
                assertThrows(SoftwareRefusal.class, () -> repository.add(text)).code());
        Path truncated = dir.resolve("truncated.deb");
        byte[] whole = Files.readAllBytes(deb("vigie-hub", "0.3.0", "all"));
        Files.write(truncated, java.util.Arrays.copyOf(whole, 200));
        assertEquals(SoftwareRefusal.Code.PACKAGE_MALFORMED,
                assertThrows(SoftwareRefusal.class, () -> repository.add(truncated)).code());
        assertThat(repository.packages()).extracting(p -> p.file().name() + " " + p.file().version())
                .containsExactly("vigie-kiosk 0.1.0", "vigie-kiosk 0.2.0~rc1", "vigie-kiosk 0.2.0");
    }

    @Test
    void theKeyOpensAgainOnlyWithItsPassphrase() throws Exception {
        RepositorySigningKey again = RepositorySigningKey.openOrCreate(dir.resolve("key"), "ignored", PASSPHRASE,
                Clock.systemUTC());
        assertEquals(key.fingerprint(), again.fingerprint());
        assertThat(Files.readString(dir.resolve("key").resolve(RepositorySigningKey.KEY_FILE)))
                .contains("BEGIN PGP PRIVATE KEY BLOCK");
        assertThrows(fr.vigie.provisioning.ProvisioningException.class, () -> RepositorySigningKey.openOrCreate(
                dir.resolve("key"), "ignored", "wrong".toCharArray(), Clock.systemUTC()));
    }

    static HttpServer serve(Path root) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", exchange -> {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        });
        s.start();
        return s;
    }

    static Path deb(String name, String version, String arch) throws Exception {
        return TestPackages.build(dir, name, version, arch);
    }

    static Path deb(String name, String version, String arch, String payload) throws Exception {
        return TestPackages.build(dir, name, version, arch, payload);
    }

    static Path aptRoot(String name, String publicKey) throws IOException {
        return aptRoot(name, publicKey, server.getAddress().getPort());
    }

    /** A private APT configuration: its own sources, state, cache and an empty dpkg status. */
    static Path aptRoot(String name, String publicKey, int port) throws IOException {
        Path apt = dir.resolve("apt-" + name);
        for (String d : List.of("state/lists/partial", "cache/archives/partial", "parts", "work", "etc")) {
            Files.createDirectories(apt.resolve(d));
        }
        Files.writeString(apt.resolve("status"), "");
        Files.writeString(apt.resolve("etc/hub.asc"), publicKey);
        Files.writeString(apt.resolve("etc/sources.list"), "deb [signed-by=" + apt.resolve("etc/hub.asc")
                + "] http://127.0.0.1:" + port + "/ " + AptRepository.DISTRIBUTION + " " + AptRepository.COMPONENT + "\n");
        return apt;
    }

    static Result apt(Path apt, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        for (String o : List.of("Dir::Etc::SourceList=" + apt.resolve("etc/sources.list"),
                "Dir::Etc::SourceParts=" + apt.resolve("parts"), "Dir::Etc::TrustedParts=" + apt.resolve("parts"),
                "Dir::Etc::Parts=" + apt.resolve("parts"), "Dir::Etc::Preferences=/dev/null",
                "Dir::Etc::PreferencesParts=" + apt.resolve("parts"),
                "Dir::State=" + apt.resolve("state"), "Dir::State::status=" + apt.resolve("status"),
                "Dir::Cache=" + apt.resolve("cache"), "APT::Sandbox::User=root", "Debug::NoLocking=1",
                "Acquire::Retries=0", "Acquire::http::Proxy=DIRECT")) {
            line.add(1, "-o");
            line.add(2, o);
        }
        return run(line, apt.resolve("work"));
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command, Path workDir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish: " + output);
        }
        return new Result(p.exitValue(), output);
    }
}
