package fr.vigie.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real CUPS print server for tests, with the Debian PDF printer as its queues (packages {@code cups} and
 * {@code printer-driver-cups-pdf}): its own {@code cupsd} on its own configuration, spool and logs in a fresh
 * directory, answering IPP on a free loopback port (and on a Unix socket for {@code lpadmin}). Each queue
 * made by {@link #addPdfQueue} writes what it prints as PDF files into its own directory. The PDF backend
 * runs as root and reads its settings from {@code /etc/cups/cups-pdf-<queue>.conf} only: queue names are
 * random and their settings files removed by {@link #close()}. Not thread-safe.
 *
 * <pre>{@code
 * Assumptions.assumeTrue(CupsPdfServer.unavailable().isEmpty(), () -> CupsPdfServer.unavailable().get());
 * try (CupsPdfServer cups = CupsPdfServer.start()) {
 *     URI printer = cups.addPdfQueue("etiquettes");
 *     // print to printer over IPP…
 *     Path pdf = cups.awaitPrinted("etiquettes", Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class CupsPdfServer implements AutoCloseable {
    public static final Path CUPSD = Path.of("/usr/sbin/cupsd");
    static final Path LPADMIN = Path.of("/usr/sbin/lpadmin");
    static final Path PDF_BACKEND = Path.of("/usr/lib/cups/backend/cups-pdf");
    static final Path PDF_PPD = Path.of("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd");
    static final Path PDF_SETTINGS = Path.of("/etc/cups");
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Path dir;
    private final int port;
    private final String prefix;
    private final Process process;
    private final List<String> queues = new ArrayList<>();

    private CupsPdfServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.prefix = "vigie-" + Long.toHexString(System.nanoTime() & 0xFFFFFFL) + "-";
    }

    /**
     * Why no CUPS server can be started here, if so: {@code cupsd} is not installed, or this JVM is not root (the
     * PDF backend only runs under a root {@code cupsd}).
     */
    public static Optional<String> unavailable() {
        if (!Files.isExecutable(CUPSD)) {
            return Optional.of(CUPSD + " is missing: install the Debian packages cups and printer-driver-cups-pdf"
                    + " (./vigie test does)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("cupsd must run as root for the cups-pdf printer; this JVM runs as "
                    + System.getProperty("user.name"));
        }
        return Optional.empty();
    }

    /**
     * Starts {@code cupsd} in a fresh directory and waits until it answers.
     *
     * @throws IllegalStateException when it is unavailable ({@link #unavailable()}) or did not start (with its log)
     */
    public static CupsPdfServer start() throws IOException, InterruptedException {
        unavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        // filters run as lp and the PDF printer as nobody: the tree must be theirs to walk
        Path dir = Files.createTempDirectory("vigie-cups-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        for (String sub : List.of("etc", "spool", "cache", "state", "log", "pdf-spool")) {
            Files.createDirectories(dir.resolve(sub));
        }
        for (String shared : List.of("tmp", "out")) {
            Files.createDirectories(dir.resolve(shared));
            Files.setPosixFilePermissions(dir.resolve(shared), PosixFilePermissions.fromString("rwxrwxrwx"));
            new ProcessBuilder("chmod", "+t", dir.resolve(shared).toString()).start().waitFor();
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("etc/cups-files.conf"), String.join("\n",
                "ServerRoot " + dir.resolve("etc"),
                "RequestRoot " + dir.resolve("spool"),
                "CacheDir " + dir.resolve("cache"),
                "StateDir " + dir.resolve("state"),
                "TempDir " + dir.resolve("tmp"),
                "ErrorLog " + dir.resolve("log/error_log"),
                "AccessLog " + dir.resolve("log/access_log"),
                "PageLog " + dir.resolve("log/page_log"),
                "Printcap " + dir.resolve("printcap"),
                "ServerBin /usr/lib/cups",
                "DataDir /usr/share/cups",
                "SystemGroup root",
                "User lp",
                "Group lp", ""));
        Files.writeString(dir.resolve("etc/cupsd.conf"), String.join("\n",
                "Listen 127.0.0.1:" + port,
                "Listen " + dir.resolve("cups.sock"),
                "LogLevel info",
                "Browsing No",
                "WebInterface No",
                "DefaultAuthType None",
                "<Location />", "  Order allow,deny", "  Allow all", "</Location>",
                "<Policy default>", "  <Limit All>", "    Order deny,allow", "  </Limit>", "</Policy>", ""));
        Process p = new ProcessBuilder(CUPSD.toString(), "-f", "-c", dir.resolve("etc/cupsd.conf").toString(),
                "-s", dir.resolve("etc/cups-files.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log/cupsd.out").toFile()).start();
        CupsPdfServer server = new CupsPdfServer(dir, port, p);
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                String log = server.log();
                server.close();
                throw new IllegalStateException("cupsd exited with " + p.exitValue() + ": " + log);
            }
            if (Files.exists(dir.resolve("cups.sock")) && answers(port)) {
                return server;
            }
            Thread.sleep(100);
        }
        String log = server.log();
        server.close();
        throw new IllegalStateException("cupsd did not answer on port " + port + " within " + STARTUP + ": " + log);
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The port cupsd answers IPP on, on the loopback address. */
    public int port() {
        return port;
    }

    /** The IPP URI of {@code queue}, as a client names it: {@code ipp://127.0.0.1:<port>/printers/<queue>}. */
    public URI uri(String queue) {
        return URI.create("ipp://127.0.0.1:" + port + "/printers/" + name(queue));
    }

    /**
     * Adds an enabled PDF printer queue with {@code lpadmin}: what it prints lands as PDF files in
     * {@link #printed(String)}.
     *
     * @return its IPP URI
     */
    public URI addPdfQueue(String queue) throws IOException, InterruptedException {
        String name = name(queue);
        Path out = dir.resolve("out").resolve(queue);
        Files.createDirectories(out);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
        queues.add(name);
        Files.writeString(pdfSettings(name), String.join("\n", "Out " + out, "AnonDirName " + out, "UserPrefix",
                "Spool " + dir.resolve("pdf-spool"), "Log " + dir.resolve("log"), "LogType 3", "Label 2", ""));
        admin(LPADMIN.toString(), "-p", name, "-E", "-v", "cups-pdf:/" + name, "-P", PDF_PPD.toString());
        return uri(queue);
    }

    /** Stops {@code queue} ({@code cupsdisable}): it keeps taking jobs but prints none. */
    public void stop(String queue) throws IOException, InterruptedException {
        admin("/usr/sbin/cupsdisable", "-r", "paused by the test", name(queue));
    }

    /** Starts {@code queue} again ({@code cupsenable}). */
    public void resume(String queue) throws IOException, InterruptedException {
        admin("/usr/sbin/cupsenable", name(queue));
    }

    /** Deletes {@code queue} ({@code lpadmin -x}): the server no longer has it. */
    public void remove(String queue) throws IOException, InterruptedException {
        admin(LPADMIN.toString(), "-x", name(queue));
    }

    /** The PDF files {@code queue} printed so far, oldest first. */
    public List<Path> printed(String queue) throws IOException {
        Path out = dir.resolve("out").resolve(queue);
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.toString().endsWith(".pdf") && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(CupsPdfServer::modified)).toList();
        }
    }

    /**
     * Waits until {@code queue} printed one more PDF than {@code before} and its job is over, and returns it.
     *
     * @throws IllegalStateException with the server's log when none came in time
     */
    public Path awaitPrinted(String queue, int before, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Path> files = printed(queue);
            if (files.size() > before && idle(queue)) {
                return files.get(files.size() - 1);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("queue " + queue + " printed no PDF within " + timeout + ": " + log());
    }

    /** Whether {@code queue} has no job left (lpstat), so its PDF is complete. */
    private boolean idle(String queue) throws IOException, InterruptedException {
        return admin("/usr/bin/lpstat", "-o", name(queue)).isBlank();
    }

    /** The tail of cupsd's error log and of the PDF printer's log, for failure messages. */
    public String log() {
        StringBuilder s = new StringBuilder();
        try (Stream<Path> logs = Files.list(dir.resolve("log"))) {
            for (Path f : logs.sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                s.append("\n--- ").append(f.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
        } catch (IOException | UncheckedIOException e) {
            s.append("\n(logs unreadable: ").append(e.getMessage()).append(')');
        }
        return s.toString();
    }

    private String admin(String... command) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().put("CUPS_SERVER", dir.resolve("cups.sock").toString());
        Process p = b.start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output + log());
        }
        return output.lines().filter(l -> !l.contains("deprecated")).reduce("", (a, l) -> a + l + "\n");
    }

    private String name(String queue) {
        if (!queue.matches("[a-z0-9-]{1,20}")) {
            throw new IllegalArgumentException("queue names are 1 to 20 of a-z, 0-9 and -: " + queue);
        }
        return prefix + queue;
    }

    private static Path pdfSettings(String name) {
        return PDF_SETTINGS.resolve("cups-pdf-" + name + ".conf");
    }

    private static java.nio.file.attribute.FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops cupsd, removes the PDF printer's settings files and the server's directory. */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String q : queues) {
            Files.deleteIfExists(pdfSettings(q));
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
