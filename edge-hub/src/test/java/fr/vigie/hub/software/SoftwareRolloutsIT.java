package fr.vigie.hub.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.hub.audit.AuditRecord;
import fr.vigie.hub.db.EventStore;
import fr.vigie.hub.db.HubDatabase;
import fr.vigie.hub.db.WriteBatch;
import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.EventIdGenerator;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staged software rollouts on a real PostgreSQL: the signed commands replaced by a recorder that can fail, the
 * kiosks' reports written as ingest writes them ({@code software.update} events in the event store).
 */
class SoftwareRolloutsIT {
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final EventIdGenerator IDS = EventIdGenerator.system();
    private static final String SITE = "site-a";

    @TempDir
    static Path dir;
    static HubDatabase db;
    static AptRepository repository;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    static final AtomicLong SEQ = new AtomicLong();

    record Sent(KioskAddress kiosk, Map<String, String> args, String actor) {
    }

    final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean brokerDown = new AtomicBoolean();
    AuditLog audit;
    SoftwareRollouts rollouts;
    EventStore events;

    @BeforeAll
    static void startDatabase() throws Exception {
        db = HubDatabase.embedded(dir.resolve("pg"));
        RepositorySigningKey key = RepositorySigningKey.openOrCreate(dir.resolve("software"), "test",
                "pass".toCharArray(), CLOCK);
        repository = new AptRepository(dir.resolve("software/repository"), key, SITE, CLOCK);
        repository.add(TestPackages.build(dir, "vigie-kiosk", "0.2.0", "all"));
        repository.add(TestPackages.build(dir, "vigie-kiosk", "0.3.0", "all"));
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        StringBuilder kiosks = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            kiosks.append(i == 1 ? "" : ", ").append("('" + SITE + "', 'k-" + i + "', 'ONLINE', 'ward-3', now(), now())");
        }
        sql("DELETE FROM software_rollouts", "DELETE FROM events", "DELETE FROM device_commands", "DELETE FROM devices",
                "INSERT INTO devices (site, kiosk_id, state, device_group, first_seen_at, updated_at) VALUES " + kiosks,
                "INSERT INTO devices (site, kiosk_id, state, device_group, first_seen_at, updated_at) VALUES"
                        + " ('" + SITE + "', 'lonely', 'ONLINE', 'default', now(), now())");
        audit = new AuditLog(db.dataSource(), CLOCK);
        events = new EventStore(db.dataSource(), CLOCK);
        rollouts = new SoftwareRollouts(db.dataSource(), repository, (kiosk, args, actor) -> {
            if (brokerDown.get()) {
                throw new IllegalStateException("broker unreachable");
            }
            sent.add(new Sent(kiosk, args, actor));
            return "cmd-" + kiosk.kioskId() + "-" + sent.size();
        }, audit, CLOCK);
    }

    @Test
    void theRestIsSentOnlyOnceEveryFirstStageKioskReportedItselfUpdated() throws Exception {
        SoftwareRollout r = rollouts.start(request(2, null), "alice");

        assertEquals("FIRST_STAGE", r.state());
        assertEquals(2, r.firstStage());
        assertThat(kiosksSent()).containsExactly("k-1", "k-2");
        assertEquals(Map.of("package", "vigie-kiosk", "version", "0.3.0", "rolloutId", Long.toString(r.rolloutId()),
                "allowDowngrade", "false"), sent.get(0).args());
        assertEquals(Map.of("SENT", 2, "PENDING", 3), r.counts());

        report(r, "k-1", "UPDATING", "STARTED");
        report(r, "k-1", "UPDATED", "OK");
        rollouts.advance();
        assertThat(kiosksSent()).as("one first-stage kiosk is still updating").hasSize(2);
        assertEquals("UPDATED", target(r, "k-1").state());
        assertEquals("0.2.0", target(r, "k-1").fromVersion());

        report(r, "k-2", "UPDATED", "OK");
        rollouts.advance();
        SoftwareRollout second = rollouts.find(r.rolloutId()).orElseThrow();
        assertEquals("REST", second.state());
        assertThat(kiosksSent()).containsExactly("k-1", "k-2", "k-3", "k-4", "k-5");

        for (String k : List.of("k-3", "k-4", "k-5")) {
            report(r, k, "UPDATED", "OK");
        }
        rollouts.advance();
        SoftwareRollout done = rollouts.find(r.rolloutId()).orElseThrow();
        assertEquals("DONE", done.state());
        assertEquals(Map.of("UPDATED", 5), done.counts());
        assertThat(actions(r)).contains("SOFTWARE_ROLLOUT_STARTED", "SOFTWARE_ROLLOUT_SECOND_STAGE",
                "SOFTWARE_ROLLOUT_DONE", "SOFTWARE_UPDATE_REPORTED");
    }

    @Test
    void aRollbackInTheFirstStageHaltsTheRolloutAndTheRestIsNeverSent() throws Exception {
        SoftwareRollout r = rollouts.start(request(2, null), "alice");

        report(r, "k-1", "UPDATED", "OK");
        report(r, "k-2", "ROLLED_BACK", "HEALTH_CHECK_FAILED", "card stack not answering after restart");
        rollouts.advance();
        rollouts.advance();

        SoftwareRollout halted = rollouts.find(r.rolloutId()).orElseThrow();
        assertEquals("HALTED", halted.state());
        assertThat(halted.reason()).contains("site-a/k-2 ROLLED_BACK HEALTH_CHECK_FAILED",
                "card stack not answering after restart");
        assertEquals(Map.of("UPDATED", 1, "ROLLED_BACK", 1, "CANCELLED", 3), halted.counts());
        assertThat(kiosksSent()).containsExactly("k-1", "k-2");
        AuditRecord entry = audit.find(new AuditQuery(null, "SOFTWARE_ROLLOUT_HALTED", null, null, null, 0, 10))
                .entries().get(0);
        assertEquals("software-rollout:" + r.rolloutId(), entry.subject());
        AuditRecord reported = audit.find(new AuditQuery(null, "SOFTWARE_UPDATE_REPORTED", null, null, null, 0, 10))
                .entries().stream().filter(e -> "ROLLED_BACK".equals(e.details().get("state"))).findFirst().orElseThrow();
        assertEquals("kiosk:site-a/k-2", reported.actor());
        assertEquals("HEALTH_CHECK_FAILED", reported.details().get("code"));
    }

    @Test
    void aPausedRolloutSendsNothingMoreUntilResumedAndAnAbortCancelsWhatWasNotSent() throws Exception {
        SoftwareRollout r = rollouts.start(request(1, null), "alice");
        assertThat(kiosksSent()).containsExactly("k-1");

        assertEquals("PAUSED", rollouts.pause(r.rolloutId(), "bob").state());
        report(r, "k-1", "UPDATED", "OK");
        rollouts.advance();
        assertEquals("PAUSED", rollouts.find(r.rolloutId()).orElseThrow().state());
        assertEquals("UPDATED", target(r, "k-1").state(), "a paused rollout still records what kiosks report");
        assertThat(kiosksSent()).hasSize(1);
        SoftwareRefusal twice = assertThrows(SoftwareRefusal.class, () -> rollouts.pause(r.rolloutId(), "bob"));
        assertEquals(SoftwareRefusal.Code.ROLLOUT_STATE_CONFLICT, twice.code());

        assertEquals("REST", rollouts.resume(r.rolloutId(), "bob").state());
        assertThat(kiosksSent()).containsExactly("k-1", "k-2", "k-3", "k-4", "k-5");

        SoftwareRollout aborted = rollouts.abort(r.rolloutId(), "wrong version", "bob");
        assertEquals("ABORTED", aborted.state());
        assertEquals("wrong version", aborted.reason());
        assertThat(actions(r)).contains("SOFTWARE_ROLLOUT_PAUSED", "SOFTWARE_ROLLOUT_RESUMED", "SOFTWARE_ROLLOUT_ABORTED");
        assertEquals(SoftwareRefusal.Code.ROLLOUT_STATE_CONFLICT, assertThrows(SoftwareRefusal.class,
                () -> rollouts.resume(r.rolloutId(), "bob")).code());
    }

    @Test
    void anAbortBeforeTheSecondStageCancelsTheKiosksNotSentAnything() throws Exception {
        SoftwareRollout r = rollouts.start(request(2, null), "alice");
        SoftwareRollout aborted = rollouts.abort(r.rolloutId(), null, "bob");
        assertEquals(Map.of("SENT", 2, "CANCELLED", 3), aborted.counts());
        assertEquals("aborted by bob", aborted.reason());
        report(r, "k-1", "UPDATED", "OK");
        rollouts.advance();
        assertEquals("SENT", target(r, "k-1").state(), "a closed rollout no longer moves");
    }

    @Test
    void theFirstStageIsAShareOfTheGroupRoundedUpAndAtLeastOneKiosk() throws Exception {
        assertEquals(2, rollouts.start(request(null, 40), "alice").firstStage());
        assertEquals(1, SoftwareRollouts.firstStage(5, null, null));
        assertEquals(1, SoftwareRollouts.firstStage(5, null, 1));
        assertEquals(3, SoftwareRollouts.firstStage(3, 7, null));
        assertEquals(5, SoftwareRollouts.firstStage(5, null, 100));
    }

    @Test
    void unusableRequestsAreRefusedWithTheirCode() throws Exception {
        assertEquals(SoftwareRefusal.Code.PACKAGE_NOT_FOUND, refusal(new SoftwareRollouts.Request("ward-3",
                "vigie-kiosk", "9.9.9", 1, null, false)));
        assertEquals(SoftwareRefusal.Code.GROUP_HAS_NO_KIOSK, refusal(new SoftwareRollouts.Request("empty",
                "vigie-kiosk", "0.3.0", 1, null, false)));
        assertEquals(SoftwareRefusal.Code.ROLLOUT_INVALID, refusal(new SoftwareRollouts.Request("ward-3",
                "vigie-kiosk", "0.3.0", 1, 50, false)));
        assertEquals(SoftwareRefusal.Code.ROLLOUT_INVALID, refusal(new SoftwareRollouts.Request("ward-3",
                "vigie-kiosk", "0.3.0", 0, null, false)));
        assertEquals(SoftwareRefusal.Code.ROLLOUT_INVALID, refusal(new SoftwareRollouts.Request("Ward 3!",
                "vigie-kiosk", "0.3.0", 1, null, false)));
        rollouts.start(request(1, null), "alice");
        assertEquals(SoftwareRefusal.Code.ROLLOUT_STATE_CONFLICT, refusal(request(1, null)));
        assertEquals(SoftwareRefusal.Code.ROLLOUT_NOT_FOUND, assertThrows(SoftwareRefusal.class,
                () -> rollouts.pause(999_999, "bob")).code());
    }

    @Test
    void aCommandTheBrokerDidNotTakeIsSentAgainAtTheNextStep() throws Exception {
        brokerDown.set(true);
        SoftwareRollout r = rollouts.start(request(1, null), "alice");
        assertEquals("PENDING", target(r, "k-1").state());
        assertThat(target(r, "k-1").message()).contains("not sent yet", "broker unreachable");

        brokerDown.set(false);
        rollouts.advance();
        assertEquals("SENT", target(r, "k-1").state());
        assertThat(kiosksSent()).containsExactly("k-1");
    }

    @Test
    void aReportOfAnotherRolloutOrAKioskOutsideItChangesNothing() throws Exception {
        SoftwareRollout r = rollouts.start(request(1, null), "alice");
        store(KioskAddress.of(SITE, "k-1"), new EventPayload.SoftwareUpdate(r.rolloutId() + 1000, "vigie-kiosk",
                "0.2.0", "0.3.0", "ROLLED_BACK", "HEALTH_CHECK_FAILED", ""));
        store(KioskAddress.of(SITE, "lonely"), new EventPayload.SoftwareUpdate(r.rolloutId(), "vigie-kiosk",
                "0.2.0", "0.3.0", "ROLLED_BACK", "HEALTH_CHECK_FAILED", ""));
        rollouts.advance();
        SoftwareRollout still = rollouts.find(r.rolloutId()).orElseThrow();
        assertEquals("FIRST_STAGE", still.state());
        assertEquals("SENT", target(r, "k-1").state());
        assertThat(still.targets()).noneMatch(t -> t.kioskId().equals("lonely"));
    }

    @Test
    void aKioskThatRefusesTheCommandIsRefusedAndAnExpiredCommandIsSentAgain() throws Exception {
        SoftwareRollout r = rollouts.start(request(2, null), "alice");
        reply("k-1", "COMMAND_EXPIRED");
        rollouts.advance();
        assertThat(kiosksSent()).as("the expired command went out again").containsExactly("k-1", "k-2", "k-1");
        assertEquals("SENT", target(r, "k-1").state());

        reply("k-2", "COMMAND_NOT_SUPPORTED");
        rollouts.advance();
        SoftwareRollout halted = rollouts.find(r.rolloutId()).orElseThrow();
        assertEquals("REFUSED", target(r, "k-2").state());
        assertEquals("COMMAND_NOT_SUPPORTED", target(r, "k-2").code());
        assertEquals("HALTED", halted.state(), "a first-stage kiosk that cannot update halts the rollout");
        assertThat(kiosksSent()).hasSize(3);
    }

    /** The kiosk's reply to the command, as the fleet's commands record it. */
    private void reply(String kiosk, String code) throws Exception {
        sql("INSERT INTO device_commands (command_id, site, kiosk_id, name, args, actor, issued_at, state, code, message,"
                + " replied_at) SELECT command_id, site, kiosk_id, 'update-software', '{}', 'alice', now(), 'REJECTED', '"
                + code + "', 'refused', now() FROM software_rollout_targets WHERE kiosk_id = '" + kiosk
                + "' AND state = 'SENT'");
    }

    private SoftwareRefusal.Code refusal(SoftwareRollouts.Request r) {
        return assertThrows(SoftwareRefusal.class, () -> rollouts.start(r, "alice")).code();
    }

    private static SoftwareRollouts.Request request(Integer first, Integer percent) {
        return new SoftwareRollouts.Request("ward-3", "vigie-kiosk", "0.3.0", first, percent, false);
    }

    private List<String> kiosksSent() {
        return sent.stream().map(s -> s.kiosk().kioskId()).toList();
    }

    private SoftwareRollout.Target target(SoftwareRollout r, String kiosk) throws Exception {
        return rollouts.find(r.rolloutId()).orElseThrow().targets().stream().filter(t -> t.kioskId().equals(kiosk))
                .findFirst().orElseThrow();
    }

    private List<String> actions(SoftwareRollout r) throws Exception {
        return audit.find(new AuditQuery(null, null, "software-rollout:" + r.rolloutId(), null, null, 0, 100)).entries()
                .stream().map(AuditRecord::action).toList();
    }

    private void report(SoftwareRollout r, String kiosk, String state, String code) throws Exception {
        report(r, kiosk, state, code, "");
    }

    private void report(SoftwareRollout r, String kiosk, String state, String code, String message) throws Exception {
        store(KioskAddress.of(SITE, kiosk), new EventPayload.SoftwareUpdate(r.rolloutId(), "vigie-kiosk", "0.2.0",
                "0.3.0", state, code, message));
    }

    /** Stores an event as ingest does: the envelope, and its payload as the codec writes it. */
    private void store(KioskAddress kiosk, EventPayload payload) throws Exception {
        EventEnvelope e = EventEnvelope.of(IDS.next(), kiosk, SEQ.incrementAndGet(), CLOCK.instant(), payload);
        events.write(new WriteBatch(List.of(new WriteBatch.NewEvent(e, new String(CODEC.encode(payload),
                StandardCharsets.UTF_8))), List.of(), List.of()));
    }

    private static void sql(String... statements) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }
}
