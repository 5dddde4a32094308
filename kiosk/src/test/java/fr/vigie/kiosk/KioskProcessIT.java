package fr.vigie.kiosk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.KioskStatus;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KioskMain} as a separate process, killed with SIGKILL in the middle of a burst: the broker
 * publishes the kiosk's last will (OFFLINE), and a restart on the same data directory resumes the
 * burst so that exactly N DemoActivity events are accepted and delivered in total. Also: a production
 * kiosk runs on a classpath without the simulators, which only the demo asks for.
 */
class KioskProcessIT {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final KioskAddress KIOSK = KioskAddress.of("it-site", "crash");
    private static final int N = 3000;

    @TempDir
    static Path brokerDir;
    @TempDir
    Path dir;

    /** One broker and one subscriber for the class: each test has kiosks of its own. */
    private static TestBroker broker;
    private static Subscriber hub;
    private final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void startBrokerAndSubscriber() throws Exception {
        broker = new TestBroker(brokerDir);
        broker.start();
        hub = new Subscriber(broker.url(), "test-hub");
    }

    @AfterAll
    static void stopBrokerAndSubscriber() throws Exception {
        hub.close();
        broker.close();
    }

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void burstKilledWithSigkillResumesToExactlyNEventsAndTheLastWillSaysOffline() throws Exception {
        String[] args = {"--site", KIOSK.site(), "--kiosk-id", KIOSK.kioskId(), "--broker", broker.url(),
            "--data", dir.resolve("crash").toString(), "--heartbeat", "1", "--burst", String.valueOf(N), "--rate", "500", "--ui-port", "0"};

        List<String> firstOut = new CopyOnWriteArrayList<>();
        Process first = launch(firstOut, "first", args);
        await().atMost(PATIENCE).until(() -> firstOut.contains("VIGIE-KIOSK READY it-site/crash"));
        await().atMost(PATIENCE).until(() -> hub.events(KIOSK).size() >= 300
                && hub.lastStatus(KIOSK) != null && hub.lastStatus(KIOSK).state() == KioskStatus.State.ONLINE);

        first.destroyForcibly(); // SIGKILL: no shutdown hook, no DISCONNECT, no OFFLINE from the kiosk
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertFalse(firstOut.stream().anyMatch(l -> l.startsWith("VIGIE-KIOSK BURST-ACCEPTED")),
                "the burst was interrupted: " + firstOut);
        await().atMost(PATIENCE).until(() -> hub.lastStatus(KIOSK).state() == KioskStatus.State.OFFLINE);
        assertEquals(KioskStatus.State.OFFLINE, Subscriber.retainedStatus(broker.url(), KIOSK).state(),
                "the broker published the retained last will");

        List<String> secondOut = new CopyOnWriteArrayList<>();
        Process second = launch(secondOut, "second", args);
        await().atMost(PATIENCE).until(() -> secondOut.contains("VIGIE-KIOSK BURST-ACCEPTED it-site/crash n=" + N)
                && secondOut.contains("VIGIE-KIOSK DRAINED it-site/crash"));

        // the broker acknowledged everything (DRAINED); its delivery to the subscriber may lag behind
        await().atMost(PATIENCE).until(() -> hub.events(KIOSK).stream().map(EventEnvelope::seq).distinct().count()
                >= N + 2);
        List<EventEnvelope> received = hub.events(KIOSK);
        Set<Long> burstIndexes = new TreeSet<>();
        Set<String> activityIds = new TreeSet<>();
        Set<String> startIds = new TreeSet<>();
        Set<Long> seqs = new TreeSet<>();
        for (EventEnvelope e : received) {
            seqs.add(e.seq());
            if (e.payload() instanceof EventPayload.DemoActivity a) {
                burstIndexes.add(a.burstIndex());
                activityIds.add(e.eventId().toString());
            } else {
                startIds.add(e.eventId().toString());
            }
        }
        assertEquals(LongStream.rangeClosed(1, N).boxed().collect(Collectors.toCollection(TreeSet::new)), burstIndexes);
        assertEquals(N, activityIds.size(), "exactly N DemoActivity events were ever accepted");
        assertEquals(2, startIds.size(), "one kiosk.started per start");
        assertEquals(LongStream.rangeClosed(1, N + 2).boxed().collect(Collectors.toCollection(TreeSet::new)), seqs,
                "no seq lost, none reused");

        second.destroy(); // SIGTERM: the shutdown hook closes cleanly
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        await().atMost(PATIENCE).until(() -> hub.lastStatus(KIOSK).state() == KioskStatus.State.OFFLINE
                && hub.lastStatus(KIOSK).outboxDepth() == 0);
    }

    @Test
    void badConfigurationExitsWithStatusTwo() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        Process p = launch(out, "bad", "--site", "Not Valid", "--kiosk-id", "k1");

        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertTrue(Files.readString(dir.resolve("bad.stderr")).contains("kiosk.site = 'Not Valid'"));
    }

    @Test
    void aProductionKioskRunsWithoutTheSimulatorsWhichOnlyTheDemoNeeds() throws Exception {
        // the kiosk's classes and the runtime libraries the build copies to target/lib (what ./vigie kiosk runs),
        // without the optional vigie-hardware-sim: as a production installation has them
        String withoutSimulators;
        try (Stream<Path> libs = Files.list(Path.of("target", "lib"))) {
            withoutSimulators = Stream.concat(Stream.of(Path.of("target", "classes")),
                    libs.filter(jar -> !jar.getFileName().toString().startsWith("vigie-hardware-sim")).sorted())
                    .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        }
        KioskAddress production = KioskAddress.of("it-site", "no-sim");
        List<String> out = new CopyOnWriteArrayList<>();
        Process kiosk = launchOn(withoutSimulators, out, "no-sim", "--site", production.site(), "--kiosk-id",
                production.kioskId(), "--broker", broker.url(), "--data", dir.resolve("no-sim").toString(),
                "--heartbeat", "1", "--ui-port", "0");

        await().atMost(PATIENCE).until(() -> out.stream().anyMatch(l -> l.startsWith("VIGIE-KIOSK UI it-site/no-sim ")));
        await().atMost(PATIENCE).until(() -> hub.lastStatus(production) != null
                && hub.lastStatus(production).state() == KioskStatus.State.ONLINE);
        kiosk.destroy();
        assertTrue(kiosk.waitFor(60, TimeUnit.SECONDS));
        assertEquals("VIGIE-KIOSK READY it-site/no-sim", out.get(0));

        List<String> demoOut = new CopyOnWriteArrayList<>();
        Process demo = launchOn(withoutSimulators, demoOut, "no-sim-demo", "--site", "it-site", "--broker", broker.url(),
                "--data", dir.resolve("no-sim-demo").toString(), "--virtual", "1");
        assertTrue(demo.waitFor(60, TimeUnit.SECONDS));
        assertEquals(KioskMain.EXIT_START_FAILED, demo.exitValue());
        assertTrue(Files.readString(dir.resolve("no-sim-demo.stderr")).contains(
                "kiosk.card.readers=sandbox needs the demo's virtual cards (vigie-hardware-sim)"));
    }

    private Process launch(List<String> stdout, String name, String... args) throws IOException {
        return launchOn(System.getProperty("java.class.path"), stdout, name, args);
    }

    private Process launchOn(String classpath, List<String> stdout, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, KioskMain.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve(name + ".stderr").toFile()).start();
        processes.add(p);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    stdout.add(line);
                }
            } catch (IOException e) {
                stdout.add("(stdout closed: " + e + ")");
            }
        }, "stdout-" + name);
        reader.setDaemon(true);
        reader.start();
        return p;
    }
}
