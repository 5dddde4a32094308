package fr.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.broker.FreePort;
import fr.vigie.hub.broker.HubMqttCredentials;
import fr.vigie.hub.db.HubDatabase;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local user of the hub's machine, without any of the hub's secrets, against a default hub process
 * (embedded PostgreSQL and HiveMQ) while a real kiosk bursts 5,000 events over mutual TLS: anonymous
 * MQTT clients, and clients reusing the hub's ingest client id without its password, are refused
 * again and again — and all 5,000 events are stored, once each; an anonymous command is refused. The
 * hub's data directory gives nothing away (directories 700, secrets 600) and its log carries neither
 * a secret nor a client id of the hub. (psql against the embedded PostgreSQL: {@code EmbeddedPostgresAccessIT}.)
 */
class LocalAttackerIT {
    private static final String SITE = "chu-est";
    private static final int BURST = 5000;
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final Pattern BURST_ACCEPTED = Pattern.compile("VIGIE-KIOSK BURST-ACCEPTED \\S+ n=" + BURST);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final VigieHome home = VigieHome.locate();

    @Test
    void withoutTheHubsSecretsALocalUserGetsNothingAndNoEventIsLost() throws Exception {
        int httpPort = FreePort.onLoopback();
        int mqttPort = FreePort.onLoopback();
        Path data = tmp.resolve("hub");
        List<String> hubArgs = List.of("--data", data.toString(), "--http-port", String.valueOf(httpPort),
                "--mqtt-port", String.valueOf(mqttPort), "--set", "hub.mqtt.tls-port=" + FreePort.onLoopback(),
                "--set", "hub.device-api.port=" + FreePort.onLoopback(), "--set", "hub.site=" + SITE);
        try (ChildProcess hub = ChildProcess.start("hub", home.javaCommand(VigieHome.HUB_MODULE, VigieHome.HUB_MAIN,
                hubArgs), tmp, System.out)) {
            Matcher ready = hub.awaitLine(Demo.HUB_READY, Duration.ofMinutes(2));
            String hubUrl = "tcp://127.0.0.1:" + mqttPort;
            HubApi api = new HubApi(URI.create("http://127.0.0.1:" + httpPort), data);
            // what the hub keeps secret; the attacker never uses it, the test only looks for it
            HubMqttCredentials hubSecret = HubMqttCredentials.openOrCreate(data.resolve(HubMqttCredentials.FILE));
            String ingestClientId = hubSecret.clientId("ingest");

            // a kiosk enrolled with a bootstrap token bursts 5,000 events over mutual TLS
            String token = JSON.readTree(api.send("POST", "/api/v1/enrolments/tokens",
                    "{\"kioskId\":\"kiosk-burst\",\"ttlHours\":1}").body()).path("token").asText();
            Path tokenFile = tmp.resolve("kiosk-burst.token");
            Files.writeString(tokenFile, token);
            Path kioskConfig = tmp.resolve("kiosk.properties");
            StringBuilder properties = new StringBuilder();
            EnrolledKiosks.settings(SITE, ready.group(3), ready.group(4), tokenFile, ready.group(5))
                    .forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
            Files.writeString(kioskConfig, properties);
            try (ChildProcess kiosk = ChildProcess.start("kiosk", home.javaCommand(VigieHome.KIOSK_MODULE,
                    VigieHome.KIOSK_MAIN, List.of("--config", kioskConfig.toString(), "--kiosk-id", "kiosk-burst",
                            "--data", tmp.resolve("kiosk-burst").toString(), "--sync", "NORMAL", "--burst",
                            String.valueOf(BURST))), tmp, System.out)) {

                // while it does, impostors take the hub's client id, and anonymous clients try to read and command
                AtomicInteger refused = new AtomicInteger();
                AtomicReference<String> admitted = new AtomicReference<>();
                Thread attacker = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        attempt(hubUrl, ingestClientId, null, refused, admitted);
                        attempt(hubUrl, ingestClientId, "vigie", refused, admitted);
                        attempt(hubUrl, "reader", null, refused, admitted);
                    }
                }, "attacker");
                attacker.start();
                try {
                    kiosk.awaitLine(BURST_ACCEPTED, PATIENCE);
                    await().atMost(PATIENCE).until(() -> burst(api).size() >= BURST);
                } finally {
                    attacker.interrupt();
                    attacker.join(10_000);
                }

                assertThat(admitted.get()).as("a client got onto the hub's listener without the secret").isNull();
                assertThat(refused.get()).isGreaterThan(3);
                List<JsonNode> stored = burst(api);
                assertThat(stored).hasSize(BURST);
                assertThat(stored).extracting(e -> e.path("eventId").asText()).doesNotHaveDuplicates();
                assertThat(stored).extracting(e -> e.path("payload").path("burstIndex").asLong())
                        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, BURST).boxed().toList());
                assertThat(JSON.readTree(api.get("/healthz").body()).path("ingest").asText()).isEqualTo("CONNECTED");
                assertThatThrownBy(() -> anonymous(hubUrl, "commander").publish(
                        Topics.command(KioskAddress.of(SITE, "kiosk-burst")), "{\"name\":\"reboot\"}".getBytes(), 1, false))
                        .isInstanceOf(MqttException.class);
            }

            // the data directory gives nothing away: the directories the hub made are owner-only, so that what
            // HiveMQ and PostgreSQL create inside them while running is out of others' reach; and the hub's
            // log names no secret and no client id of the hub
            try (Stream<Path> all = Files.walk(data, 2)) {
                for (Path dir : all.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    assertThat(mode(dir)).as(dir.toString()).isEqualTo("rwx------");
                }
            }
            List<String> secrets = new ArrayList<>(List.of(ingestClientId, hubSecret.clientId("fleet")));
            for (String file : List.of(HubMqttCredentials.FILE, "site-ca.passphrase", "initial-admin-password",
                    "postgres/" + HubDatabase.SUPERUSER_SECRET, "postgres/" + HubDatabase.HUB_ROLE_SECRET)) {
                assertThat(mode(data.resolve(file))).as(file).isEqualTo("rw-------");
                secrets.add(Files.readString(data.resolve(file), StandardCharsets.US_ASCII).strip());
            }
            for (String secret : secrets) {
                assertThat(hub.firstLine(l -> l.contains(secret))).as("a hub log line with a secret").isEmpty();
            }
        }
    }

    private static List<JsonNode> burst(HubApi api) throws Exception {
        return api.allEvents("kiosk=kiosk-burst&type=demo.activity");
    }

    /** One connection attempt on the hub's listener: refused is counted, admitted is remembered. */
    private static void attempt(String url, String clientId, String password, AtomicInteger refused,
            AtomicReference<String> admitted) {
        try {
            MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(false);
            o.setConnectionTimeout(10);
            if (password != null) {
                o.setUserName(HubMqttCredentials.USERNAME);
                o.setPassword(password.getBytes(StandardCharsets.US_ASCII));
            }
            try {
                c.connect(o);
                admitted.set(clientId);
                c.subscribe(Topics.ROOT + "/#", 1);
                c.disconnect();
            } finally {
                c.close();
            }
        } catch (MqttException e) {
            refused.incrementAndGet();
        }
    }

    private static MqttClient anonymous(String url, String clientId) throws MqttException {
        MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
        c.connect();
        return c;
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }
}
