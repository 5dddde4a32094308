package fr.vigie.hub.audit;

import fr.vigie.hub.audit.AuditVerification.Code;
import fr.vigie.hub.audit.AuditVerification.Problem;
import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.signing.HubJwsException;
import fr.vigie.provisioning.signing.HubJwsSigner;
import fr.vigie.provisioning.signing.HubJwsVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors the audit chain outside the database, so that a database superuser who rewrites the log
 * and recomputes every hash is still caught. The hub exports the chain head ({@link ExportedHead}:
 * position and hash) signed with its signing key (JWS {@code typ} {@value ExportedHead#JWS_TYPE}):
 * at start, every period ({@code hub.audit.anchor-seconds}) when the chain has grown, and at shutdown.
 * Each export is one line appended to {@value #FILE} in the hub's data directory (owner-only, the
 * whole file rewritten atomically, the last {@value #KEPT} lines kept) and the same line logged at
 * INFO, which under systemd lands in the system journal:
 *
 * <pre>
 * 2025-06-01T08:05:00Z seq=42 hash=3f2a… eyJhbGciOiJFUzI1NiIsInR5cCI6InZpZ2llLWF1ZGl0LWhlYWQrandzIi…
 * </pre>
 *
 * Only the signed JWS at the end of a line counts; the words before it are for people. A new head is
 * exported only if the chain still holds the last exported one and runs on from it intact
 * ({@link ChainCheck#extending}); otherwise nothing is exported (the hub never anchors a rewritten
 * chain) and the hub logs an error once. {@link #verify()} checks the whole chain against the last
 * exported head: what {@code POST /api/v1/audit/verify} and {@code ./vigie admin audit verify} run.
 * Thread-safe.
 *
 * <pre>{@code
 * AuditAnchor anchor = new AuditAnchor(auditLog, dataDir.resolve(AuditAnchor.FILE), hubJwsSigner, hubJwsVerifier, clock);
 * anchor.start(Duration.ofMinutes(5));     // exports now, then periodically
 * AuditVerification v = anchor.verify();   // AUDIT_ANCHOR_MISMATCH when the chain was rebuilt
 * anchor.close();                          // exports once more
 * }</pre>
 */
public final class AuditAnchor implements AutoCloseable {
    /** The anchor file's name in the hub's data directory. */
    public static final String FILE = "audit-anchors.log";
    /** Lines kept in the file; older exports remain in the journal. */
    public static final int KEPT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchor.class);

    /** What one export did. */
    public enum Export {
        /** A new head was exported. */
        EXPORTED,
        /** The head is the one exported last: nothing to add. */
        UNCHANGED,
        /** The log has no entry yet. */
        EMPTY,
        /** The chain does not run on from the last exported head, or that head cannot be trusted: nothing exported. */
        REFUSED
    }

    /** The anchor file's last line cannot be trusted (changed, or signed by another key). */
    public static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    private final AuditLog audit;
    private final Path file;
    private final HubJwsSigner signer;
    private final HubJwsVerifier verifier;
    private final Clock clock;
    private final Consumer<String> journal;
    private ScheduledExecutorService scheduler;
    private String lastRefusal;

    /**
     * @param file the anchor file, e.g. {@code <data>/audit-anchors.log}
     * @param signer signs with the hub's signing key
     * @param verifier checks with the same key's public half
     */
    public AuditAnchor(AuditLog audit, Path file, HubJwsSigner signer, HubJwsVerifier verifier, Clock clock) {
        this(audit, file, signer, verifier, clock, line -> LOG.info("audit head exported: {}", line));
    }

    /** @param journal where each exported line goes besides the file (the log at INFO in production) */
    AuditAnchor(AuditLog audit, Path file, HubJwsSigner signer, HubJwsVerifier verifier, Clock clock,
            Consumer<String> journal) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.file = Objects.requireNonNull(file, "file");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /** Exports now, then every {@code period} on a background thread, until {@link #close()}. */
    public synchronized void start(Duration period) {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        exportQuietly();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigie-audit-anchor");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::exportQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Exports the current chain head if it is new and the chain runs on, intact, from the last
     * exported head.
     */
    public synchronized Export export() throws SQLException, IOException {
        Optional<ExportedHead> last;
        try {
            last = last();
        } catch (Unusable e) {
            refuse("the anchor file " + file + " cannot be trusted: " + e.getMessage());
            return Export.REFUSED;
        }
        AuditVerification v = last.isPresent() ? audit.extending(last.get()) : audit.verify();
        if (!v.intact()) {
            refuse("the audit chain " + (last.isPresent() ? "no longer runs on from the head exported at "
                    + last.get().exportedAt() + " (entry " + last.get().seq() + ")" : "is broken") + ": " + v.describe());
            return Export.REFUSED;
        }
        lastRefusal = null;
        if (v.headSeq() == 0) {
            return Export.EMPTY;
        }
        if (last.isPresent() && last.get().seq() == v.headSeq() && last.get().hash().equals(v.headHash())) {
            return Export.UNCHANGED;
        }
        ExportedHead head = new ExportedHead(v.headSeq(), v.headHash().strip(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        String line = head.exportedAt() + " seq=" + head.seq() + " hash=" + head.hash() + " "
                + signer.sign(ExportedHead.JWS_TYPE, head.toJson());
        List<String> lines = new ArrayList<>(lines());
        lines.add(line);
        if (lines.size() > KEPT) {
            lines = lines.subList(lines.size() - KEPT, lines.size());
        }
        AtomicFiles.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        journal.accept(line);
        return Export.EXPORTED;
    }

    /**
     * The last exported head, its signature checked with the hub's key; empty before the first export.
     *
     * @throws Unusable when the file's last line is not a head signed with the hub's key
     */
    public Optional<ExportedHead> last() throws IOException, Unusable {
        List<String> lines = lines();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String line = lines.get(lines.size() - 1);
        String jws = line.substring(line.lastIndexOf(' ') + 1);
        try {
            return Optional.of(ExportedHead.fromJson(verifier.verify(jws, ExportedHead.JWS_TYPE)));
        } catch (HubJwsException e) {
            throw new Unusable("its last line is refused: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Unusable("its last line is not an exported head: " + e.getMessage());
        }
    }

    /**
     * Verifies the whole chain against the last exported head: a chain rebuilt since
     * ({@code AUDIT_ANCHOR_MISMATCH}), cut short ({@code AUDIT_CHAIN_TRUNCATED}), or an anchor file that
     * cannot be trusted ({@code AUDIT_ANCHOR_INVALID}) breaks it, besides what {@link AuditLog#verify()} finds.
     */
    public AuditVerification verify() throws SQLException, IOException {
        Optional<ExportedHead> last;
        try {
            last = last();
        } catch (Unusable e) {
            AuditVerification v = audit.verify();
            return v.intact() ? v.brokenBy(new Problem(Code.AUDIT_ANCHOR_INVALID, 0, "the exported heads in " + file
                    + " cannot be trusted: " + e.getMessage())) : v;
        }
        return audit.verify(last.orElse(null));
    }

    private List<String> lines() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    private void refuse(String why) {
        if (!why.equals(lastRefusal)) {
            LOG.error("audit head NOT exported: {}; run './vigie admin audit verify'", why);
            lastRefusal = why;
        }
    }

    private void exportQuietly() {
        try {
            export();
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warn("audit head not exported this time: {}", e.toString());
        }
    }

    /** Stops the periodic export and exports once more (the hub's shutdown). */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exportQuietly();
    }
}
