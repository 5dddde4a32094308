package fr.vigie.kiosk.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import fr.vigie.hardware.card.TerminalSource;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.provisioning.TlsContexts;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.device.DeviceSecret;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.provisioning.siteca.SiteCaSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./vigie kiosk check} against a hub's device API stand-in (a TLS server with a site CA's certificate, as the
 * hub presents it) and a touch-screen page on the loopback: the pinned root, a wrong pin and no pin, the identity
 * before and after enrolment, the display, and pcscd through a stand-in {@link TerminalSource} (the machine's pcscd
 * may be held by other tests).
 */
class KioskCheckIT {
    private static final Clock CLOCK = Clock.systemUTC();
    @TempDir
    static Path dir;
    static SiteCa ca;
    static SSLServerSocket hub;
    static Thread hubThread;
    static HttpServer screen;

    @BeforeAll
    static void start() throws Exception {
        ca = SiteCa.openOrCreate(dir.resolve("ca"), SiteCaSettings.defaults("demo").withKeyProtectionIterations(10_000),
                "site-ca-pass".toCharArray(), CLOCK);
        hub = (SSLServerSocket) ca.serverTlsContext("hub", List.of("localhost"), List.of("127.0.0.1"),
                TlsContexts.trusting(List.of(ca.rootCertificate()))).getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        hubThread = new Thread(() -> {
            while (!hub.isClosed()) {
                try (SSLSocket s = (SSLSocket) hub.accept()) {
                    s.setSoTimeout(2000);
                    s.startHandshake();
                } catch (IOException e) {
                    // a refused handshake: next client
                }
            }
        }, "hub-stand-in");
        hubThread.setDaemon(true);
        hubThread.start();
        screen = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        screen.createContext("/", ex -> {
            byte[] page = "<html>Vigie</html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        screen.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (hub != null) {
            hub.close();
        }
        if (screen != null) {
            screen.stop(0);
        }
    }

    @Test
    void aKioskPinnedToItsHubWithItsScreenServedHasNoFailure() throws IOException {
        Result r = check("pinned", settings("pinned", ca.rootFingerprint()), readers());
        assertEquals(0, r.exit, r.out);
        assertTrue(r.line("hub", "pinned").startsWith("OK") && r.line("hub", "pinned").contains(ca.rootFingerprint()),
                r.out);
        assertTrue(r.line("screen", "page").startsWith("OK"), r.out);
        assertTrue(r.line("gpio", "provider").startsWith("OK") && r.line("gpio", "provider").contains("mock"), r.out);
        assertTrue(r.line("pcscd", "readers").startsWith("OK") && r.line("pcscd", "readers").contains("Lecteur USB 0"),
                r.out);
        String identity = r.line("kiosk", "identity");
        assertTrue(identity.startsWith("WARN") && identity.contains("NOT_ENROLLED"), r.out);
        assertFalse(Files.exists(Kiosk.identityDirectory(dir.resolve("pinned-data"))), "the check created an identity");
    }

    @Test
    void aWrongFingerprintFailsNamingTheRootTheHubPresents() throws IOException {
        String wrong = "ab".repeat(32);
        Result r = check("wrong", settings("wrong", wrong), readers());
        assertEquals(1, r.exit, r.out);
        String hubLine = r.line("hub", "pinned");
        assertTrue(hubLine.startsWith("FAIL") && hubLine.contains("HUB_PIN_MISMATCH") && hubLine.contains(wrong)
                && hubLine.contains(ca.rootFingerprint()), r.out);
    }

    @Test
    void noFingerprintIsAWarningThatGivesTheRootToPin() throws IOException {
        Result r = check("unpinned", settings("unpinned", null), readers());
        assertEquals(0, r.exit, r.out);
        String hubLine = r.line("hub", "pinned");
        assertTrue(hubLine.startsWith("WARN") && hubLine.contains("HUB_NOT_PINNED") && hubLine.contains(ca.rootFingerprint()),
                r.out);
    }

    @Test
    void withoutPcscdTheLineSaysHowToStartIt() throws IOException {
        TerminalSource noService = new TerminalSource() {
            @Override
            public CardTerminals open() throws CardException {
                throw new CardException("PC/SC service unavailable (SCARD_E_NO_SERVICE)");
            }

            @Override
            public String describe() {
                return "no pcscd";
            }
        };
        Result r = check("nopcscd", settings("nopcscd", ca.rootFingerprint()), noService);
        assertEquals(1, r.exit, r.out);
        String line = r.line("pcscd", "readers");
        assertTrue(line.startsWith("FAIL") && line.contains("PCSCD_UNAVAILABLE") && line.contains("SCARD_E_NO_SERVICE")
                && line.contains("hint: ") && line.contains("pcscd"), r.out);
    }

    @Test
    void anEnrolledKioskAndAScreenNobodyServes() throws Exception {
        Map<String, String> s = settings("enrolled", ca.rootFingerprint());
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        s.put("kiosk.ui.port", String.valueOf(closed));
        KioskConfig config = KioskConfig.load(null, s);
        char[] secret = DeviceSecret.loadOrCreate(config.hubAccess().deviceSecretFile());
        DeviceIdentity device = DeviceIdentity.openOrCreate(Kiosk.identityDirectory(config.dataDir()), config.address(),
                secret, CLOCK);
        ca.enrolInProcess(device);
        Result r = check("enrolled", s, readers());
        assertEquals(1, r.exit, r.out);
        assertTrue(r.line("kiosk", "identity").startsWith("OK") && r.line("kiosk", "identity").contains("demo/enrolled"),
                r.out);
        String display = r.line("screen", "page");
        assertTrue(display.startsWith("FAIL") && display.contains("DISPLAY_NOT_SERVED")
                && display.contains("127.0.0.1:" + closed), r.out);
    }

    @Test
    void badUsageExitsTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = KioskCheck.run(List.of("--virtual", "3"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), new KioskPreflight(KioskCheckIT::readers, CLOCK));
        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: vigie kiosk check"));
    }

    // ---

    private record Result(int exit, String out) {
        String line(String part, String check) {
            List<String> lines = out.lines().filter(l -> l.matches("(OK|WARN|FAIL) +" + part + " +" + check + " .*"))
                    .toList();
            assertEquals(1, lines.size(), "one line " + part + " " + check + " expected in:\n" + out);
            return lines.get(0);
        }
    }

    private static Map<String, String> settings(String id, String fingerprint) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("kiosk.site", "demo");
        s.put("kiosk.id", id);
        s.put("kiosk.data-dir", dir.resolve(id + "-data").toString());
        s.put("kiosk.hub.url", "https://127.0.0.1:" + hub.getLocalPort());
        s.put("kiosk.mqtt.url", "ssl://127.0.0.1:8883");
        if (fingerprint != null) {
            s.put("kiosk.hub.ca-fingerprint", fingerprint);
        }
        s.put("kiosk.ui.port", String.valueOf(screen.getAddress().getPort()));
        s.put("kiosk.gpio", "mock");
        return s;
    }

    /** One reader, no card: what pcscd lists with a reader plugged in. */
    private static TerminalSource readers() {
        return new TerminalSource() {
            @Override
            public CardTerminals open() {
                return new CardTerminals() {
                    @Override
                    public List<CardTerminal> list(State state) {
                        return List.of(new CardTerminal() {
                            @Override
                            public String getName() {
                                return "Lecteur USB 0";
                            }

                            @Override
                            public javax.smartcardio.Card connect(String protocol) throws CardException {
                                throw new CardException("no card");
                            }

                            @Override
                            public boolean isCardPresent() {
                                return false;
                            }

                            @Override
                            public boolean waitForCardPresent(long timeout) {
                                return false;
                            }

                            @Override
                            public boolean waitForCardAbsent(long timeout) {
                                return true;
                            }
                        });
                    }

                    @Override
                    public boolean waitForChange(long timeout) {
                        return false;
                    }
                };
            }

            @Override
            public String describe() {
                return "stand-in";
            }
        };
    }

    private static Result check(String name, Map<String, String> settings, TerminalSource pcsc) throws IOException {
        Properties p = new Properties();
        p.putAll(settings);
        Path file = dir.resolve(name + ".properties");
        try (var w = Files.newBufferedWriter(file)) {
            p.store(w, "kiosk check " + name);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = KioskCheck.run(List.of("--config", file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), new KioskPreflight(() -> pcsc, CLOCK));
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println("--- kiosk check " + name + " (exit " + exit + ")\n" + text);
        return new Result(exit, text);
    }
}
