package fr.vigie.hub.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.db.HubDatabase;
import fr.vigie.hub.testing.AuditTampering;
import fr.vigie.provisioning.signing.HubJwsSigner;
import fr.vigie.provisioning.signing.HubJwsVerifier;
import fr.vigie.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log on a real PostgreSQL: appends from many threads form one unbroken chain, and a row
 * changed, deleted or moved with SQL (by someone who switched the append-only trigger off) is found
 * at its exact position; a chain rebuilt consistently or cut short by a superuser is found against the
 * head exported outside the database, which is never moved onto a rewritten chain.
 */
class AuditLogIT {
    @TempDir
    static Path dir;
    static HubDatabase db;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-06-01T08:00:00Z"));
    static final String ANCHORS = "audit-anchors.log";
    static ECPrivateKey KEY_PRIVATE;
    static ECPublicKey KEY_PUBLIC;
    AuditLog audit;

    @BeforeAll
    static void startDatabase() throws Exception {
        db = HubDatabase.embedded(dir.resolve("pg"));
        KeyPair hubKey = p256();
        KEY_PRIVATE = (ECPrivateKey) hubKey.getPrivate();
        KEY_PUBLIC = (ECPublicKey) hubKey.getPublic();
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void emptyLog() throws SQLException {
        sql("ALTER TABLE audit_log DISABLE TRIGGER USER", "TRUNCATE audit_log",
                "UPDATE audit_chain_head SET seq = 0, hash = repeat('0', 64)", "ALTER TABLE audit_log ENABLE TRIGGER USER");
        audit = new AuditLog(db.dataSource(), CLOCK);
    }

    @Test
    void appendedEntriesFormAnIntactChainAndAreFoundByFilters() throws Exception {
        AuditRecord first = audit.append(AuditEntry.of("alice", "ENROL_APPROVED", "kiosk:chu-nord/k-1",
                Map.of("fingerprint", "ab12")));
        CLOCK.advance(Duration.ofMinutes(1));
        AuditRecord second = audit.append(AuditEntry.of("bob", "DEVICE_REVOKED", "kiosk:chu-nord/k-1"));
        audit.append(AuditEntry.of("alice", "CONFIG_ROLLED_OUT", "group:default", Map.of("version", "3")));

        assertEquals(1, first.seq());
        assertEquals(AuditChain.GENESIS, first.prevHash());
        assertEquals(first.hash(), second.prevHash());
        AuditVerification v = audit.verify();
        assertTrue(v.intact(), v.describe());
        assertEquals(3, v.entriesChecked());
        assertNull(v.problem());

        AuditLog.Page byAlice = audit.find(new AuditQuery("alice", null, null, null, null, 0, 10));
        assertEquals(List.of(1L, 3L), byAlice.entries().stream().map(AuditRecord::seq).toList());
        assertEquals(Map.of("fingerprint", "ab12"), byAlice.entries().get(0).details());
        AuditLog.Page bySubject = audit.find(new AuditQuery(null, null, "kiosk:chu-nord/k-1", null, null, 0, 1));
        assertEquals(1, bySubject.entries().size());
        assertEquals(1L, bySubject.next().getAsLong());
        assertEquals(List.of(2L), audit.find(new AuditQuery(null, null, "kiosk:chu-nord/k-1", null, null, 1, 10))
                .entries().stream().map(AuditRecord::seq).toList());
        assertEquals("DEVICE_REVOKED", audit.find(new AuditQuery(null, null, null, CLOCK.instant(), null, 0, 1))
                .entries().get(0).action());
    }

    @Test
    void concurrentAppendsFromManyThreadsMakeOneChainWithoutGaps() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        audit.append(AuditEntry.of("user-" + thread, "COMMAND_SENT", "kiosk:s/k-" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AuditVerification v = audit.verify();
        assertTrue(v.intact(), v.describe());
        assertEquals(threads * each, v.entriesChecked());
        assertEquals(threads * each, v.headSeq());
    }

    @Test
    void theApplicationCannotUpdateOrDeleteEntries() throws Exception {
        audit.append(AuditEntry.of("alice", "DEVICE_REVOKED", "kiosk:s/k"));
        SQLException update = assertThrows(SQLException.class, () -> sql("UPDATE audit_log SET actor = 'mallory'"));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        assertThrows(SQLException.class, () -> sql("DELETE FROM audit_log"));
        assertThrows(SQLException.class, () -> sql("TRUNCATE audit_log"));
        assertTrue(audit.verify().intact());
    }

    @Test
    void aChangedEntryIsReportedAtItsPosition() throws Exception {
        appendFive();
        tamper("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
        expect(AuditVerification.Code.AUDIT_ENTRY_CHANGED, 3);
    }

    @Test
    void changedDetailsAreReportedToo() throws Exception {
        appendFive();
        tamper("UPDATE audit_log SET details = '{\"reason\":\"routine\"}' WHERE seq = 2");
        expect(AuditVerification.Code.AUDIT_ENTRY_CHANGED, 2);
    }

    @Test
    void anEntryRewrittenWithAFreshHashIsReportedWhereTheChainBreaks() throws Exception {
        appendFive();
        AuditRecord r = audit.find(new AuditQuery(null, null, null, null, null, 1, 1)).entries().get(0);
        String forged = AuditChain.hash(2, r.recordedAt(), "mallory", r.action(), r.subject(), r.details(), r.prevHash());
        tamper("UPDATE audit_log SET actor = 'mallory', hash = '" + forged + "' WHERE seq = 2");
        expect(AuditVerification.Code.AUDIT_ENTRY_CHANGED, 2);
    }

    @Test
    void aDeletedEntryIsReportedAsRemovedAtItsPosition() throws Exception {
        appendFive();
        tamper("DELETE FROM audit_log WHERE seq = 2");
        expect(AuditVerification.Code.AUDIT_ENTRY_REMOVED, 2);
    }

    @Test
    void aDeletedEntryWithTheRestRenumberedIsReportedAsRemoved() throws Exception {
        appendFive();
        tamper("DELETE FROM audit_log WHERE seq = 2", "UPDATE audit_log SET seq = seq + 100 WHERE seq > 2",
                "UPDATE audit_log SET seq = seq - 101 WHERE seq > 100");
        expect(AuditVerification.Code.AUDIT_ENTRY_REMOVED, 2);
    }

    @Test
    void entriesCutOffTheEndAreReportedAsRemoved() throws Exception {
        appendFive();
        tamper("DELETE FROM audit_log WHERE seq >= 4");
        AuditVerification v = expect(AuditVerification.Code.AUDIT_ENTRY_REMOVED, 4);
        assertEquals(3, v.entriesChecked());
    }

    @Test
    void twoSwappedEntriesAreReportedAsReordered() throws Exception {
        appendFive();
        tamper("UPDATE audit_log SET seq = 100 WHERE seq = 3", "UPDATE audit_log SET seq = 3 WHERE seq = 4",
                "UPDATE audit_log SET seq = 4 WHERE seq = 100");
        AuditVerification v = expect(AuditVerification.Code.AUDIT_ENTRY_REORDERED, 3);
        assertTrue(v.problem().message().contains("recorded at position 4"), v.problem().message());
    }

    @Test
    void anEntryAddedBehindTheLogsBackIsAHeadMismatch() throws Exception {
        appendFive();
        AuditRecord last = audit.find(new AuditQuery(null, null, null, null, null, 4, 1)).entries().get(0);
        String h = AuditChain.hash(6, last.recordedAt(), "mallory", "X_Y", "s", Map.of(), last.hash());
        sql("INSERT INTO audit_log VALUES (6, '" + last.recordedAt() + "', 'mallory', 'X_Y', 's', '{}', '" + last.hash() + "', '" + h + "')");
        expect(AuditVerification.Code.AUDIT_HEAD_MISMATCH, 6);
    }

    @Test
    void theHeadIsExportedSignedOwnerOnlyAndToTheJournalOnlyWhenTheChainGrew() throws Exception {
        List<String> journal = new ArrayList<>();
        AuditAnchor anchor = anchor(journal);
        assertEquals(AuditAnchor.Export.EMPTY, anchor.export());
        appendFive();

        assertEquals(AuditAnchor.Export.EXPORTED, anchor.export());
        assertEquals(AuditAnchor.Export.UNCHANGED, anchor.export());
        audit.append(AuditEntry.of("bob", "COMMAND_SENT", "kiosk:s/k-1"));
        assertEquals(AuditAnchor.Export.EXPORTED, anchor.export());

        List<String> lines = Files.readAllLines(dir.resolve(ANCHORS));
        assertEquals(2, lines.size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(ANCHORS))));
        assertEquals(lines, journal, "each exported line goes to the journal too");
        AuditVerification v = audit.verify();
        ExportedHead last = anchor.last().orElseThrow();
        assertEquals(6, last.seq());
        assertEquals(v.headHash(), last.hash());
        assertTrue(lines.get(1).contains(" seq=6 hash=" + v.headHash() + " "), lines.get(1));
        AuditVerification checked = anchor.verify();
        assertTrue(checked.intact(), checked.describe());
        assertEquals(last, checked.anchor());
    }

    @Test
    void aChainRebuiltConsistentlyInSqlIsCaughtAgainstTheExportedHeadAndNeverAnchored() throws Exception {
        AuditAnchor anchor = anchor(new ArrayList<>());
        appendFive();
        assertEquals(AuditAnchor.Export.EXPORTED, anchor.export());
        audit.append(AuditEntry.of("bob", "COMMAND_SENT", "kiosk:s/k-1"));
        String exported = Files.readString(dir.resolve(ANCHORS));

        // a superuser changes entry 2 and recomputes every hash from there, the chain head included
        AuditTampering.editAndRebuild(db.dataSource(), "UPDATE audit_log SET details = '{\"reason\":\"routine\"}' WHERE seq = 2");

        AuditVerification alone = audit.verify();
        assertTrue(alone.intact(), "without the exported head the rebuild goes unnoticed: " + alone.describe());
        AuditVerification v = anchor.verify();
        assertFalse(v.intact());
        assertEquals(AuditVerification.Code.AUDIT_ANCHOR_MISMATCH, v.problem().code(), v.describe());
        assertEquals(5, v.problem().position());
        assertEquals(AuditAnchor.Export.REFUSED, anchor.export(), "the hub never anchors a rewritten chain");
        assertEquals(exported, Files.readString(dir.resolve(ANCHORS)));
    }

    @Test
    void aChainCutShortWithItsHeadRowFixedIsCaughtAsTruncated() throws Exception {
        AuditAnchor anchor = anchor(new ArrayList<>());
        appendFive();
        assertEquals(AuditAnchor.Export.EXPORTED, anchor.export());

        AuditTampering.editAndRebuild(db.dataSource(), "DELETE FROM audit_log WHERE seq >= 4");

        assertTrue(audit.verify().intact());
        AuditVerification v = anchor.verify();
        assertEquals(AuditVerification.Code.AUDIT_CHAIN_TRUNCATED, v.problem().code(), v.describe());
        assertEquals(4, v.problem().position());
        audit.append(AuditEntry.of("mallory", "COMMAND_SENT", "kiosk:s/k-1"));
        audit.append(AuditEntry.of("mallory", "COMMAND_SENT", "kiosk:s/k-2"));
        assertEquals(AuditVerification.Code.AUDIT_ANCHOR_MISMATCH, anchor.verify().problem().code(),
                "grown back past the exported position, it still differs there");
        assertEquals(AuditAnchor.Export.REFUSED, anchor.export());
    }

    @Test
    void anAnchorFileChangedOrSignedWithAnotherKeyIsNotTrusted() throws Exception {
        AuditAnchor anchor = anchor(new ArrayList<>());
        appendFive();
        assertEquals(AuditAnchor.Export.EXPORTED, anchor.export());
        Path file = dir.resolve(ANCHORS);
        String line = Files.readAllLines(file).get(0);
        String[] jws = line.substring(line.lastIndexOf(' ') + 1).split("\\.");
        String earlier = new String(Base64.getUrlDecoder().decode(jws[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"seq\":5", "\"seq\":3");
        String prefix = line.substring(0, line.lastIndexOf(' ') + 1);

        for (String forged : List.of(
                new HubJwsSigner((ECPrivateKey) p256().getPrivate(), "attacker").sign(ExportedHead.JWS_TYPE, earlier),
                jws[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        earlier.getBytes(StandardCharsets.UTF_8)) + "." + jws[2])) {
            Files.writeString(file, line + "\n" + prefix + forged + "\n");

            AuditVerification v = anchor.verify();
            assertEquals(AuditVerification.Code.AUDIT_ANCHOR_INVALID, v.problem().code(), v.describe());
            assertEquals(AuditAnchor.Export.REFUSED, anchor.export());
        }
    }

    private AuditAnchor anchor(List<String> journal) throws Exception {
        Files.deleteIfExists(dir.resolve(ANCHORS));
        return new AuditAnchor(audit, dir.resolve(ANCHORS), new HubJwsSigner(KEY_PRIVATE, "hub"),
                new HubJwsVerifier(KEY_PUBLIC), CLOCK, journal::add);
    }

    private static KeyPair p256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private void appendFive() throws SQLException {
        for (int i = 1; i <= 5; i++) {
            CLOCK.advance(Duration.ofSeconds(1));
            audit.append(AuditEntry.of("alice", "DEVICE_REVOKED", "kiosk:s/k-" + i, Map.of("reason", "lost " + i)));
        }
        assertTrue(audit.verify().intact());
    }

    private AuditVerification expect(AuditVerification.Code code, long position) throws SQLException {
        AuditVerification v = audit.verify();
        assertFalse(v.intact());
        assertEquals(code, v.problem().code(), v.describe());
        assertEquals(position, v.problem().position(), v.describe());
        return v;
    }

    /** SQL run as the database owner with the append-only trigger switched off, as an intruder would. */
    private static void tamper(String... statements) throws SQLException {
        List<String> all = new ArrayList<>();
        all.add("ALTER TABLE audit_log DISABLE TRIGGER USER");
        all.addAll(List.of(statements));
        all.add("ALTER TABLE audit_log ENABLE TRIGGER USER");
        sql(all.toArray(String[]::new));
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }
}
