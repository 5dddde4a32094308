package fr.vigie.hub.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.config.CommandVerifier;
import fr.vigie.config.ConfigVerifier;
import fr.vigie.config.KioskSettings;
import fr.vigie.config.VerifiedConfig;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.hub.audit.AuditRecord;
import fr.vigie.hub.db.HubDatabase;
import fr.vigie.protocol.Command;
import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.Reply;
import fr.vigie.protocol.Topics;
import fr.vigie.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollouts and commands on a real PostgreSQL, with the broker replaced by a recorder that can fail. */
class FleetRolloutsIT {
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final KioskAddress A = KioskAddress.of("site-a", "k-1");
    private static final KioskAddress B = KioskAddress.of("site-a", "k-2");

    @TempDir
    static Path dir;
    static HubDatabase db;
    static ConfigSigningKey key;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-06-01T08:00:00Z"));

    record Published(String topic, byte[] payload, boolean retained) {
    }

    final List<Published> published = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean brokerDown = new AtomicBoolean();
    AuditLog audit;
    ConfigRollouts rollouts;
    Commands commands;

    @BeforeAll
    static void startDatabase() throws Exception {
        db = HubDatabase.embedded(dir.resolve("pg"));
        key = ConfigSigningKey.openOrCreate(dir.resolve("key"), "passphrase-for-tests".toCharArray(), 1000, CLOCK);
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        sql("ALTER TABLE audit_log DISABLE TRIGGER USER", "TRUNCATE audit_log",
                "UPDATE audit_chain_head SET seq = 0, hash = repeat('0', 64)", "ALTER TABLE audit_log ENABLE TRIGGER USER",
                "DELETE FROM config_rollout_targets", "DELETE FROM config_rollouts", "DELETE FROM device_commands",
                "DELETE FROM devices", "INSERT INTO devices (site, kiosk_id, state, first_seen_at, updated_at) VALUES"
                        + " ('site-a', 'k-1', 'ONLINE', now(), now()), ('site-a', 'k-2', 'ONLINE', now(), now())");
        audit = new AuditLog(db.dataSource(), CLOCK);
        Outgoing out = (topic, payload, retained) -> {
            if (brokerDown.get()) {
                throw new IllegalStateException("broker unreachable");
            }
            published.add(new Published(topic, payload, retained));
        };
        rollouts = new ConfigRollouts(db.dataSource(), key.signer(), out, audit, CLOCK);
        commands = new Commands(db.dataSource(), out, audit, key.commandSigner());
    }

    @Test
    void eachKioskOfTheGroupGetsARetainedBundleSignedForItThatItsVerifierAccepts() throws Exception {
        Rollout r = rollouts.rollOut("default", KioskSettings.defaults().withIdleLockSeconds(60), "alice");

        assertEquals(2, r.targets().size());
        assertEquals(Map.of("PENDING", 2), r.counts());
        assertEquals(2, published.size());
        for (Published p : published) {
            assertTrue(p.retained());
            ConfigBundle b = CODEC.decodeConfig(p.payload());
            KioskAddress k = KioskAddress.of(b.site(), b.kioskId());
            assertEquals(Topics.config(k), p.topic());
            VerifiedConfig v = new ConfigVerifier(key.publicKey(), k).verify(b, 0);
            assertEquals(r.version(), v.version());
            assertEquals(60, v.settings().idleLockSeconds());
        }
        AuditRecord entry = audit.find(new AuditQuery(null, "CONFIG_ROLLED_OUT", null, null, null, 0, 10)).entries().get(0);
        assertEquals("alice", entry.actor());
        assertEquals("group:default", entry.subject());
        assertEquals(Long.toString(r.version()), entry.details().get("version"));
    }

    @Test
    void versionsGoAboveAnyVersionAKioskReports() throws Exception {
        sql("UPDATE devices SET config_version = 40 WHERE kiosk_id = 'k-2'");
        assertEquals(41, rollouts.rollOut("default", KioskSettings.defaults(), "alice").version());
        assertEquals(42, rollouts.rollOut("default", KioskSettings.defaults(), "alice").version());
    }

    @Test
    void concurrentRolloutsGetDistinctVersionsAndTheAuditChainStaysIntact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Set<Long> versions = Collections.synchronizedSet(new TreeSet<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int idle = 60 + i;
                done.add(pool.submit(() -> versions.add(rollouts.rollOut("default",
                        KioskSettings.defaults().withIdleLockSeconds(idle), "alice").version())));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(12, versions.size());
        assertTrue(audit.verify().intact());
    }

    @Test
    void aKioskMovedIntoAGroupGetsTheGroupsConfigurationAsANewVersion() throws Exception {
        Groups groups = new Groups(db.dataSource(), audit, rollouts);
        assertTrue(groups.assign(B, "urgences", "alice").isEmpty(), "a group without configuration sends nothing");
        Rollout urgences = rollouts.rollOut("urgences", KioskSettings.defaults().withIdleLockSeconds(45), "alice");
        assertEquals(1, urgences.targets().size());
        published.clear();

        Rollout caughtUp = groups.assign(A, "urgences", "bob").orElseThrow();
        assertTrue(caughtUp.version() > urgences.version());
        assertEquals(urgences.version(), caughtUp.reissueOf());
        assertEquals(List.of("k-1"), caughtUp.targets().stream().map(Rollout.Target::kioskId).toList());
        assertEquals(1, published.size());
        assertEquals(Topics.config(A), published.get(0).topic());
        assertEquals(List.of("DEVICE_GROUP_CHANGED", "CONFIG_ROLLED_OUT"), actionsOf("bob"));
        assertEquals("GROUP_INVALID", assertThrows(FleetRejection.class, () -> groups.assign(A, "", "bob")).code());
        assertEquals("DEVICE_NOT_FOUND", assertThrows(FleetRejection.class,
                () -> groups.assign(KioskAddress.of("site-a", "ghost"), "urgences", "bob")).code());
    }

    @Test
    void aRolloutToAGroupWithNoKioskSaysItTargetsNoneAndWarnsInItsJson() throws Exception {
        var json = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).build();
        Rollout reached = rollouts.rollOut("default", KioskSettings.defaults(), "alice");
        var reachedJson = json.readTree(json.writeValueAsString(reached));
        assertEquals(2, reachedJson.path("targeted").asInt(-1));
        assertTrue(reachedJson.path("warning").isMissingNode(), "no warning when kiosks are targeted: " + reachedJson);

        Groups groups = new Groups(db.dataSource(), audit, rollouts);
        groups.assign(A, "urgences", "alice");
        groups.assign(A, "default", "alice");
        published.clear();
        for (String group : List.of("never-used", "urgences")) {
            Rollout none = rollouts.rollOut(group, KioskSettings.defaults().withIdleLockSeconds(45), "alice");
            assertEquals(0, none.targeted());
            assertEquals(Rollout.NO_KIOSK, none.warning());
            var noneJson = json.readTree(json.writeValueAsString(none));
            assertEquals(0, noneJson.path("targeted").asInt(-1), group);
            assertEquals("GROUP_HAS_NO_KIOSK", noneJson.path("warning").asText(), group);
            assertEquals(noneJson, json.readTree(json.writeValueAsString(rollouts.find(none.version()).orElseThrow())),
                    "the rollout read back says the same");
        }
        assertTrue(published.isEmpty(), "nothing was published: " + published);
    }

    @Test
    void aTargetStillWaitingWhenANewerVersionGoesOutIsSuperseded() throws Exception {
        long v1 = rollouts.rollOut("default", KioskSettings.defaults().withIdleLockSeconds(60), "alice").version();
        rollouts.onReply(reply(A, "config-" + v1, Reply.Outcome.DONE, "OK"));
        long v2 = rollouts.rollOut("default", KioskSettings.defaults().withIdleLockSeconds(90), "alice").version();

        Rollout first = rollouts.find(v1).orElseThrow();
        assertEquals(Map.of("APPLIED", 1, "SUPERSEDED", 1), first.counts());
        assertTrue(first.finished());
        assertEquals(Map.of("PENDING", 2), rollouts.find(v2).orElseThrow().counts());
        rollouts.onReply(reply(B, "config-" + v1, Reply.Outcome.DONE, "OK"));
        assertEquals(Map.of("APPLIED", 1, "SUPERSEDED", 1), rollouts.find(v1).orElseThrow().counts(),
                "a late answer does not bring a superseded target back");
    }

    @Test
    void aBrokerThatCannotTakeTheBundleLeavesTheTargetUnsent() throws Exception {
        brokerDown.set(true);
        Rollout r = rollouts.rollOut("default", KioskSettings.defaults(), "alice");
        assertEquals(Map.of("UNSENT", 2), rollouts.find(r.version()).orElseThrow().counts());
        assertTrue(r.targets().get(0).message().contains("broker unreachable"));
    }

    @Test
    void aReplyMovesItsTargetOnceAndARefusalWithoutPendingRolloutIsAudited() throws Exception {
        long v = rollouts.rollOut("default", KioskSettings.defaults(), "alice").version();
        rollouts.onReply(reply(A, "config-" + v, Reply.Outcome.DONE, "OK"));
        rollouts.onReply(reply(B, "config-" + v, Reply.Outcome.REJECTED, "CONFIG_SIGNATURE_INVALID"));
        rollouts.onReply(reply(A, "config-" + v, Reply.Outcome.REJECTED, "CONFIG_VERSION_NOT_NEWER"));

        Rollout r = rollouts.find(v).orElseThrow();
        assertEquals(Map.of("APPLIED", 1, "REJECTED", 1), r.counts());
        assertEquals(List.of("CONFIG_REJECTED_BY_KIOSK"), actionsOf("kiosk:site-a/k-2"));
        assertEquals(List.of("CONFIG_BUNDLE_REFUSED"), actionsOf("kiosk:site-a/k-1"), "A's late refusal of a version it"
                + " already applied moves nothing but is a security event");
    }

    @Test
    void reissueTakesAnEarlierContentAsANewVersionAndUnknownVersionsAreRefused() throws Exception {
        long v1 = rollouts.rollOut("default", KioskSettings.defaults().withIdleLockSeconds(60), "alice").version();
        rollouts.rollOut("default", KioskSettings.defaults().withIdleLockSeconds(90), "alice");
        Rollout back = rollouts.reissue("default", v1, "bob");
        assertEquals(v1, back.reissueOf());
        assertTrue(back.settings().replace(" ", "").contains("\"kiosk.session.idle-lock-seconds\":60"), back.settings());
        assertEquals("ROLLOUT_NOT_FOUND", assertThrows(FleetRejection.class,
                () -> rollouts.reissue("default", 999, "bob")).code());
        assertEquals("GROUP_INVALID", assertThrows(FleetRejection.class,
                () -> rollouts.rollOut("Bad Group!", KioskSettings.defaults(), "bob")).code());
    }

    @Test
    void commandIsSignedPublishedAuditedAndCompletedByItsKiosksReplyOnly() throws Exception {
        DeviceCommand sent = commands.send(A, "diagnostics", Map.of(), "alice");
        assertEquals("SENT", sent.state());
        Command onWire = new CommandVerifier(key.publicKey(), A, CLOCK).verify(
                CODEC.decodeSignedCommand(published.get(0).payload()));
        assertEquals(Topics.command(A), published.get(0).topic());
        assertEquals(sent.requestId(), onWire.commandId());
        assertEquals("diagnostics", onWire.name());
        assertEquals(CLOCK.instant().plus(Commands.LIFETIME), onWire.expiresAt());

        commands.onReply(reply(B, sent.requestId(), Reply.Outcome.DONE, "OK"));
        assertEquals("SENT", commands.find(A, sent.requestId()).orElseThrow().state(), "another kiosk cannot answer it");
        Reply done = new Reply(sent.requestId(), A.site(), A.kioskId(), Reply.Outcome.DONE, "OK", "diagnostics",
                CLOCK.instant(), Map.of("outboxDepth", "0"), 1);
        commands.onReply(done);
        DeviceCommand back = commands.find(A, sent.requestId()).orElseThrow();
        assertEquals("DONE", back.state());
        assertEquals("0", back.details().get("outboxDepth"));
        assertEquals(List.of("COMMAND_SENT"), actionsOf("alice"));
        assertEquals(List.of(), commands.refusals(A, 10), "a command carried out is no refusal");

        assertEquals("DEVICE_NOT_FOUND", assertThrows(FleetRejection.class,
                () -> commands.send(KioskAddress.of("site-a", "ghost"), "reboot", Map.of(), "alice")).code());
        assertEquals("COMMAND_UNKNOWN", assertThrows(FleetRejection.class,
                () -> commands.send(A, "format-disk", Map.of(), "alice")).code());
    }

    @Test
    void kiosksRefusalsAreAuditedAndListedNewestFirst() throws Exception {
        DeviceCommand sent = commands.send(A, "reboot", Map.of(), "alice");
        commands.onReply(new Reply(sent.requestId(), A.site(), A.kioskId(), Reply.Outcome.REJECTED, "COMMAND_EXPIRED",
                "command expired at …", CLOCK.instant(), Map.of("command", "reboot"), 1));
        commands.onReply(new Reply("unverified-0123456789abcdef", A.site(), A.kioskId(), Reply.Outcome.REJECTED,
                "COMMAND_UNSIGNED", "not a signed command:\u0000 field 'schema' is required", CLOCK.instant(),
                Map.of("suppressed", "12"), 1));
        commands.onReply(new Reply(sent.requestId(), A.site(), A.kioskId(), Reply.Outcome.REJECTED, "COMMAND_REPLAYED",
                "already received", CLOCK.instant(), Map.of("command", "reboot"), 1));

        assertEquals("REJECTED", commands.find(A, sent.requestId()).orElseThrow().state());
        List<AuditRecord> refusals = commands.refusals(A, 10);
        assertEquals(List.of("COMMAND_REFUSED", "COMMAND_REFUSED", "COMMAND_REJECTED_BY_KIOSK"),
                refusals.stream().map(AuditRecord::action).toList());
        assertEquals(List.of("COMMAND_REPLAYED", "COMMAND_UNSIGNED", "COMMAND_EXPIRED"),
                refusals.stream().map(r -> r.details().get("code")).toList());
        assertEquals("kiosk:site-a/k-1", refusals.get(1).actor());
        assertEquals("12", refusals.get(1).details().get("suppressed"));
        assertTrue(refusals.get(1).details().get("message").startsWith("not a signed command:  field"),
                "control characters are not kept: " + refusals.get(1).details().get("message"));
        assertEquals(sent.requestId(), refusals.get(2).details().get("requestId"));
        assertEquals(List.of(), commands.refusals(B, 10));
        assertTrue(audit.verify().intact());
    }

    private List<String> actionsOf(String actor) throws Exception {
        return audit.find(new AuditQuery(actor, null, null, null, null, 0, 100)).entries().stream()
                .map(AuditRecord::action).toList();
    }

    private static Reply reply(KioskAddress k, String id, Reply.Outcome outcome, String code) {
        return new Reply(id, k.site(), k.kioskId(), outcome, code, "m", CLOCK.instant(), 1);
    }

    private static void sql(String... statements) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }
}
