package fr.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.config.CommandSigner;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.Reply;
import fr.vigie.protocol.Topics;
import fr.vigie.provisioning.signing.HubJwsSigner;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed configuration rollout and remote commands end to end: a hub with its embedded broker and
 * three real kiosks, enrolled with bootstrap tokens (they pinned the hub's configuration key then).
 * IT rolls settings out to a group through the REST API and watches progress; forged bundles put on
 * a kiosk's config topic by someone who got hold of the hub's broker password (but not of its
 * signing key) are refused with their reason and the kiosk keeps its configuration; commands come
 * back with their reply, and commands that are not the hub's, or not for now, or not for this kiosk,
 * execute nothing and are audited.
 */
class ConfigRolloutIT {
    private static final String SITE = "chu-nord";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    @TempDir
    static Path tmp;
    static EdgeHub hub;
    static HubApi api;
    static final List<Kiosk> kiosks = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        hub = EdgeHub.start(HubConfig.load(null, Map.of("hub.data-dir", tmp.resolve("hub").toString(),
                "hub.http.port", "0", "hub.mqtt.port", "0", "hub.site", SITE)));
        api = new HubApi(hub.httpUri(), tmp.resolve("hub"));
        Map<String, String> enrolled = EnrolledKiosks.withTokens(hub, tmp.resolve("tokens"),
                EnrolledKiosks.fleetIds("kiosk", 3));
        for (int i = 1; i <= 3; i++) {
            Map<String, String> settings = new HashMap<>(enrolled);
            settings.putAll(Map.of("kiosk.id", "kiosk-00" + i, "kiosk.data-dir", tmp.resolve("kiosk-" + i).toString(),
                    "kiosk.heartbeat-seconds", "1"));
            kiosks.add(Kiosk.start(KioskConfig.load(null, settings)));
        }
        await().atMost(PATIENCE).until(() -> api.devices().size() == 3);
        assertThat(api.send("PUT", "/api/v1/devices/" + SITE + "/kiosk-003/group", "{\"group\":\"urgences\"}")
                .statusCode()).isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        kiosks.forEach(Kiosk::close);
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void rolloutReachesEveryKioskOfTheGroupAndOnlyThemThenARollbackReissuesTheOldContent() throws Exception {
        JsonNode rollout = put("/api/v1/config/groups/default", "{\"kiosk.session.idle-lock-seconds\": 60, \"kiosk.ui.language\": \"en\"}", 202);
        long v1 = rollout.get("version").asLong();
        assertThat(rollout.get("targets")).extracting(t -> t.get("kioskId").asText())
                .containsExactly("kiosk-001", "kiosk-002");

        JsonNode done = awaitFinished(v1);
        assertThat(done.at("/counts/APPLIED").asInt()).isEqualTo(2);
        assertThat(done.get("targets")).allSatisfy(t -> assertThat(t.get("code").asText()).isEqualTo("OK"));
        assertThat(kiosks.get(0).fleet().config().settings().idleLockSeconds()).isEqualTo(60);
        assertThat(kiosks.get(1).fleet().config().version()).isEqualTo(v1);
        assertThat(kiosks.get(2).fleet().config().version()).isNotEqualTo(v1);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(api.device(SITE, "kiosk-001").get("configVersion").asLong()).isEqualTo(v1));

        long v2 = put("/api/v1/config/groups/default", "{\"kiosk.session.idle-lock-seconds\": 300}", 202).get("version").asLong();
        awaitFinished(v2);
        assertThat(kiosks.get(0).fleet().config().settings().idleLockSeconds()).isEqualTo(300);

        HttpResponse<String> back = api.send("POST", "/api/v1/config/groups/default/reissue", "{\"version\": " + v1 + "}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(202);
        JsonNode v3 = JSON.readTree(back.body());
        assertThat(v3.get("version").asLong()).isGreaterThan(v2);
        assertThat(v3.get("reissueOf").asLong()).isEqualTo(v1);
        awaitFinished(v3.get("version").asLong());
        assertThat(kiosks.get(0).fleet().config().settings().idleLockSeconds()).isEqualTo(60);
        assertThat(kiosks.get(0).fleet().config().version()).isEqualTo(v3.get("version").asLong());

        JsonNode audit = api.getJson("/api/v1/audit?subject=group:default");
        assertThat(audit.get("entries")).extracting(e -> e.get("action").asText())
                .contains("CONFIG_ROLLED_OUT", "CONFIG_REISSUED");
        assertThat(api.getJson("/api/v1/config/groups/default").at("/settings/kiosk.session.idle-lock-seconds").asInt()).isEqualTo(60);
    }

    @Test
    void invalidSettingsAreRefusedByTheHubWithTheKeyNamed() throws Exception {
        HttpResponse<String> r = api.send("PUT", "/api/v1/config/groups/default", "{\"kiosk.session.idle-lock-seconds\": 5}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode refusal = JSON.readTree(r.body());
        assertThat(refusal.get("error").asText()).isEqualTo("SETTING_INVALID");
        assertThat(refusal.get("parameter").asText()).isEqualTo("kiosk.session.idle-lock-seconds");
        assertThat(refusal.at("/setting/kind").asText()).isEqualTo("OUT_OF_RANGE");
        assertThat(refusal.at("/setting/min").asInt()).isEqualTo(15);
        assertThat(refusal.at("/setting/max").asInt()).isEqualTo(3600);

        HttpResponse<String> unknown = api.send("PUT", "/api/v1/config/groups/default", "{\"colour\": \"red\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).isEqualTo("SETTING_UNKNOWN");
        assertThat(JSON.readTree(unknown.body()).get("parameter").asText()).isEqualTo("colour");
    }

    @Test
    void aFormerCamelCaseNameIsRefusedWith400NamingTheNameNow() throws Exception {
        HttpResponse<String> r = api.send("PUT", "/api/v1/config/groups/default", "{\"idleLockSeconds\": 60}");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode refusal = JSON.readTree(r.body());
        assertThat(refusal.get("error").asText()).isEqualTo("SETTING_RENAMED");
        assertThat(refusal.get("parameter").asText()).isEqualTo("idleLockSeconds");
        assertThat(refusal.at("/setting/replacement").asText()).isEqualTo("kiosk.session.idle-lock-seconds");
        assertThat(refusal.get("message").asText()).contains("'idleLockSeconds' is now called 'kiosk.session.idle-lock-seconds'");
    }

    @Test
    void aKioskWhoseHealthCheckFailsRollsBackAndTheConsoleSeesWhy() throws Exception {
        Kiosk k2 = kiosks.get(1);
        k2.fleet().config().addListener(s -> {
            if (s.pinEntryTimeoutSeconds() == 45) {
                throw new IllegalStateException("PIN pad cannot time out at 45 s");
            }
        });
        long before = k2.fleet().config().version();
        long v = put("/api/v1/config/groups/default", "{\"kiosk.session.pin-entry-seconds\": 45}", 202).get("version").asLong();
        JsonNode done = awaitFinished(v);
        JsonNode t2 = target(done, "kiosk-002");
        assertThat(t2.get("state").asText()).isEqualTo("FAILED");
        assertThat(t2.get("code").asText()).isEqualTo("CONFIG_HEALTH_CHECK_FAILED");
        assertThat(target(done, "kiosk-001").get("state").asText()).isEqualTo("APPLIED");
        assertThat(k2.fleet().config().version()).isEqualTo(before);
        assertThat(k2.fleet().config().settings().pinEntryTimeoutSeconds()).isNotEqualTo(45);
    }

    @Test
    void forgedTamperedUnsignedReplayedAndMalformedBundlesAreRefusedWithTheirReason() throws Exception {
        KioskAddress k3 = KioskAddress.of(SITE, "kiosk-003");
        long v1 = put("/api/v1/config/groups/urgences", "{\"kiosk.session.idle-lock-seconds\": 90}", 202).get("version").asLong();
        awaitFinished(v1);
        // kiosks cannot write on config topics: the intruder holds the hub's broker password
        MqttClient raw = new MqttClient(hub.mqttUrl(), hub.mqttCredentials().clientId("it-intruder"),
                new MemoryPersistence());
        MqttConnectionOptions asHub = new MqttConnectionOptions();
        hub.mqttCredentials().applyTo(asHub);
        BlockingQueue<MqttMessage> configs = new LinkedBlockingQueue<>();
        BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
        raw.setCallback(new Listener((topic, m) -> {
            if (topic.endsWith("/config")) {
                configs.add(m);
            } else {
                replies.add(CODEC.decodeReply(m.getPayload()));
            }
        }));
        raw.connect(asHub);
        try {
            raw.subscribe(new String[] {Topics.config(k3)}, new int[] {1});
            MqttMessage old = configs.poll(30, TimeUnit.SECONDS);
            assertThat(old).as("the hub's retained bundle").isNotNull();
            raw.subscribe(new String[] {Topics.reply(k3)}, new int[] {1});
            long v2 = put("/api/v1/config/groups/urgences", "{\"kiosk.session.idle-lock-seconds\": 180}", 202).get("version").asLong();
            awaitFinished(v2);
            assertThat(next(replies).code()).isEqualTo("OK");

            JsonNode bundle = JSON.readTree(old.getPayload());
            String[] jws = bundle.get("jws").asText().split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(jws[1]), StandardCharsets.UTF_8)
                    .replace("\"version\":" + v1, "\"version\":" + (v2 + 50))
                    .replace("\"kiosk.session.idle-lock-seconds\":90", "\"kiosk.session.idle-lock-seconds\":3600");
            String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    "{\"alg\":\"none\",\"typ\":\"vigie-config+jws\"}".getBytes(StandardCharsets.UTF_8));

            publish(raw, k3, withJws(bundle, v2 + 50, jws[0] + "." + forgedPayload + "." + jws[2]));
            assertThat(next(replies).code()).isEqualTo("CONFIG_SIGNATURE_INVALID");
            publish(raw, k3, withJws(bundle, v2 + 50, none + "." + forgedPayload + "."));
            assertThat(next(replies).code()).isEqualTo("CONFIG_UNSIGNED");
            publish(raw, k3, old.getPayload());
            assertThat(next(replies).code()).isEqualTo("CONFIG_VERSION_NOT_NEWER");
            publish(raw, k3, "{\"site\":\"chu-nord\",\"kioskId\":\"kiosk-003\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(next(replies).code()).isEqualTo("CONFIG_MALFORMED");

            assertThat(kiosks.get(2).fleet().config().version()).isEqualTo(v2);
            assertThat(kiosks.get(2).fleet().config().settings().idleLockSeconds()).isEqualTo(180);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.getJson(
                    "/api/v1/audit?action=CONFIG_BUNDLE_REFUSED&subject=kiosk:chu-nord/kiosk-003").get("entries"))
                    .extracting(e -> e.at("/details/code").asText())
                    .contains("CONFIG_SIGNATURE_INVALID", "CONFIG_UNSIGNED", "CONFIG_VERSION_NOT_NEWER", "CONFIG_MALFORMED"));
            assertThat(api.send("POST", "/api/v1/audit/verify", null).body()).contains("\"intact\":true");
        } finally {
            raw.disconnect();
            raw.close();
        }
    }

    @Test
    void commandsComeBackWithTheirReply() throws Exception {
        String base = "/api/v1/devices/" + SITE + "/kiosk-001/commands";
        String diag = put(base, "{\"name\": \"diagnostics\"}", 202, "POST").get("requestId").asText();
        JsonNode d = awaitCommand(base, diag);
        assertThat(d.get("state").asText()).isEqualTo("DONE");
        assertThat(d.at("/details/outboxDepth").isTextual()).isTrue();
        assertThat(d.at("/details/hubKeyPinned").asText()).isEqualTo("true");
        assertThat(d.at("/details/configVersion").asLong()).isEqualTo(kiosks.get(0).fleet().config().version());

        JsonNode reboot = awaitCommand(base, put(base, "{\"name\": \"reboot\"}", 202, "POST").get("requestId").asText());
        assertThat(reboot.get("message").asText()).contains("simulated");
        JsonNode reload = awaitCommand(base, put(base, "{\"name\": \"reload-config\"}", 202, "POST").get("requestId").asText());
        assertThat(reload.get("code").asText()).isEqualTo("OK");
        JsonNode rotate = awaitCommand(base, put(base, "{\"name\": \"rotate-cert\"}", 202, "POST").get("requestId").asText());
        assertThat(rotate.get("state").asText()).as("an enrolled kiosk re-keys: %s", rotate).isEqualTo("DONE");
        await().atMost(PATIENCE).until(() -> kiosks.get(0).connected());

        assertThat(api.send("POST", base, "{\"name\": \"format-disk\"}").statusCode()).isEqualTo(400);
        assertThat(api.send("POST", "/api/v1/devices/" + SITE + "/nobody/commands", "{\"name\": \"reboot\"}")
                .statusCode()).isEqualTo(404);
        assertThat(api.getJson("/api/v1/audit?action=COMMAND_SENT&subject=kiosk:chu-nord/kiosk-001").get("entries")
                .size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void forgedUnsignedExpiredReplayedAndOtherKiosksCommandsExecuteNothingAndAreAudited() throws Exception {
        KioskAddress k2 = KioskAddress.of(SITE, "kiosk-002");
        // anonymous clients cannot even connect (BrokerAccessContract): the forger holds the hub's broker
        // password, but not its signing key
        MqttClient raw = new MqttClient(hub.mqttUrl(), hub.mqttCredentials().clientId("it-forger"),
                new MemoryPersistence());
        MqttConnectionOptions asHub = new MqttConnectionOptions();
        hub.mqttCredentials().applyTo(asHub);
        BlockingQueue<MqttMessage> commands = new LinkedBlockingQueue<>();
        BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
        raw.setCallback(new Listener((topic, m) -> {
            if (topic.endsWith("/cmd")) {
                commands.add(m);
            } else {
                replies.add(CODEC.decodeReply(m.getPayload()));
            }
        }));
        raw.connect(asHub);
        try {
            raw.subscribe(new String[] {Topics.command(k2), Topics.reply(k2)}, new int[] {1, 1});
            // given a genuine command from the hub, carried out, and recorded off the wire
            String base = "/api/v1/devices/" + SITE + "/kiosk-002/commands";
            String diag = put(base, "{\"name\": \"diagnostics\"}", 202, "POST").get("requestId").asText();
            assertThat(awaitCommand(base, diag).get("state").asText()).isEqualTo("DONE");
            MqttMessage recorded = commands.poll(30, TimeUnit.SECONDS);
            assertThat(recorded).as("the hub's signed command on the wire").isNotNull();
            assertThat(next(replies).code()).isEqualTo("OK");
            assertThat(JSON.readTree(recorded.getPayload()).fieldNames()).toIterable().containsExactly("jws", "schema");

            // when someone without the hub's key puts commands on the kiosk's topic
            publishCommand(raw, k2, "{\"name\":\"reboot\"}".getBytes(StandardCharsets.UTF_8));
            assertRefused(next(replies), "COMMAND_UNSIGNED");
            CommandSigner impostor = new CommandSigner(new HubJwsSigner((ECPrivateKey) p256().getPrivate(), "hub-key"),
                    Clock.systemUTC(), new SecureRandom());
            publishCommand(raw, k2, CODEC.encode(impostor.sign(impostor.prepare(k2, "forged-1", "reboot", Map.of(),
                    Duration.ofMinutes(5)))));
            assertRefused(next(replies), "COMMAND_SIGNATURE_INVALID");
            CommandSigner late = new CommandSigner(hub.fleet().signingKey().jws(),
                    Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)), new SecureRandom());
            publishCommand(raw, k2, CODEC.encode(late.sign(late.prepare(k2, "late-1", "reboot", Map.of(),
                    Duration.ofMinutes(5)))));
            assertRefused(next(replies), "COMMAND_EXPIRED");
            publishCommand(raw, k2, recorded.getPayload());
            assertRefused(next(replies), "COMMAND_REPLAYED");
            CommandSigner hubSigner = hub.fleet().signingKey().commandSigner();
            publishCommand(raw, k2, CODEC.encode(hubSigner.sign(hubSigner.prepare(KioskAddress.of(SITE, "kiosk-001"),
                    "for-001", "reboot", Map.of(), Duration.ofMinutes(5)))));
            assertRefused(next(replies), "COMMAND_WRONG_KIOSK");

            // then nothing was carried out, and each refusal is in the audit log and on the kiosk's page
            assertThat(replies.poll(2, TimeUnit.SECONDS)).as("no other answer, no reboot carried out").isNull();
            List<String> expected = List.of("COMMAND_UNSIGNED", "COMMAND_SIGNATURE_INVALID", "COMMAND_EXPIRED",
                    "COMMAND_REPLAYED", "COMMAND_WRONG_KIOSK");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.getJson(
                    "/api/v1/audit?action=COMMAND_REFUSED&subject=kiosk:chu-nord/kiosk-002").get("entries"))
                    .extracting(e -> e.at("/details/code").asText()).containsExactlyElementsOf(expected));
            JsonNode refusals = api.getJson("/api/v1/devices/" + SITE + "/kiosk-002/refusals").get("refusals");
            assertThat(refusals).extracting(e -> e.at("/details/code").asText())
                    .containsExactly("COMMAND_WRONG_KIOSK",
                    "COMMAND_REPLAYED", "COMMAND_EXPIRED", "COMMAND_SIGNATURE_INVALID", "COMMAND_UNSIGNED");
            assertThat(refusals.get(1).at("/details/command").asText()).isEqualTo("diagnostics");
            assertThat(refusals.get(4).at("/details/requestId").asText()).startsWith("unverified-");
            assertThat(api.send("POST", "/api/v1/audit/verify", null).body()).contains("\"intact\":true");
        } finally {
            raw.disconnect();
            raw.close();
        }
    }

    private static void assertRefused(Reply r, String code) {
        assertThat(r.code()).as(r.message()).isEqualTo(code);
        assertThat(r.outcome()).isEqualTo(Reply.Outcome.REJECTED);
    }

    private static KeyPair p256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static void publishCommand(MqttClient raw, KioskAddress k, byte[] payload) throws Exception {
        raw.publish(Topics.command(k), payload, 1, false);
    }

    /** A Paho callback that only hands messages on. */
    private record Listener(org.eclipse.paho.mqttv5.client.IMqttMessageListener onMessage)
            implements org.eclipse.paho.mqttv5.client.MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            onMessage.messageArrived(topic, message);
        }

        @Override
        public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {
        }

        @Override
        public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {
        }

        @Override
        public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {
        }
    }

    private static JsonNode awaitCommand(String base, String id) {
        return await().atMost(PATIENCE).until(() -> api.getJson(base + "/" + id), c -> !c.get("state").asText().equals("SENT"));
    }

    private static JsonNode awaitFinished(long version) {
        return await().atMost(PATIENCE).until(() -> api.getJson("/api/v1/config/rollouts/" + version),
                r -> r.at("/counts/PENDING").asInt(0) == 0);
    }

    private static JsonNode target(JsonNode rollout, String kioskId) {
        for (JsonNode t : rollout.get("targets")) {
            if (t.get("kioskId").asText().equals(kioskId)) {
                return t;
            }
        }
        throw new AssertionError("no target " + kioskId + " in " + rollout);
    }

    private static JsonNode put(String path, String body, int expected) throws Exception {
        return put(path, body, expected, "PUT");
    }

    private static JsonNode put(String path, String body, int expected, String method) throws Exception {
        HttpResponse<String> r = api.send(method, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        return JSON.readTree(r.body());
    }

    private static byte[] withJws(JsonNode bundle, long version, String jws) {
        return ("{\"site\":\"" + bundle.get("site").asText() + "\",\"kioskId\":\"" + bundle.get("kioskId").asText()
                + "\",\"version\":" + version + ",\"issuedAt\":\"" + bundle.get("issuedAt").asText() + "\",\"jws\":\""
                + jws + "\",\"schema\":1}").getBytes(StandardCharsets.UTF_8);
    }

    private static void publish(MqttClient raw, KioskAddress k, byte[] payload) throws Exception {
        raw.publish(Topics.config(k), payload, 1, false);
    }

    private static Reply next(BlockingQueue<Reply> replies) throws InterruptedException {
        Reply r = replies.poll(30, TimeUnit.SECONDS);
        assertThat(r).as("a reply from the kiosk").isNotNull();
        return r;
    }
}
