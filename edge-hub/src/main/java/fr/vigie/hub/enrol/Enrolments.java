package fr.vigie.hub.enrol;

import fr.vigie.hub.db.Transactions;
import fr.vigie.hub.fleet.ConfigRollouts;
import fr.vigie.hub.fleet.ConfigSigningKey;

import fr.vigie.config.KioskSettings;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.audit.RefusalSummary;
import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.provisioning.device.DeviceCsr;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.provisioning.enrolment.BootstrapToken;
import fr.vigie.provisioning.enrolment.BootstrapTokens;
import fr.vigie.provisioning.enrolment.EnrolmentCodes;
import fr.vigie.protocol.device.EnrolmentApi;
import fr.vigie.protocol.device.EnrolmentError;
import fr.vigie.protocol.device.EnrolmentRequest;
import fr.vigie.protocol.device.EnrolmentStatus;
import fr.vigie.provisioning.enrolment.EnrolmentChecks;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's side of enrolment and of device certificates' life: requests from kiosks, IT's
 * approval or rejection (or a bootstrap token's), issuance of the certificate with the first
 * signed configuration, renewal, and revocation. State is in PostgreSQL; each step is one
 * transaction together with its audit entry ({@code ENROL_REQUESTED}, {@code ENROL_APPROVED},
 * {@code ENROL_SUPERSEDED}, {@code ENROL_REJECTED}, {@code BOOTSTRAP_TOKEN_ISSUED}, {@code CERT_ROTATED},
 * {@code DEVICE_REVOKED}).
 *
 * <p>The request endpoint is open to anyone on the network, so each source address gets a share
 * ({@link EnrolmentLimits}): a rate of submissions (in memory, per hub) and a number of requests waiting
 * for IT (in the database, shared by hubs). Refused requests — over those limits, or with a bad bootstrap
 * token — are not audited one by one but summarised per source and minute
 * ({@code ENROL_REQUESTS_REFUSED}, {@link RefusalSummary}). Thread-safe; {@link #close()} writes the
 * summaries in progress.
 *
 * <pre>{@code
 * EnrolmentView v = enrolments.submit(request, "10.0.4.17");    // PENDING, or ISSUED with a token
 * enrolments.approve(v.id(), "K7F2-9QXM", "alice");              // IT read the code on the kiosk
 * enrolments.revoke(kiosk, RevocationReason.KEY_COMPROMISE, "alice");
 * }</pre>
 */
public final class Enrolments implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Enrolments.class);
    /** How long one audit entry summarising a source's refused requests covers at most. */
    static final Duration REFUSAL_WINDOW = Duration.ofMinutes(1);
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private final DataSource dataSource;
    private final SiteCa ca;
    private final BootstrapTokens tokens;
    private final ConfigSigningKey configKey;
    private final AuditLog audit;
    private final Clock clock;
    private final Consumer<KioskAddress> disconnect;
    private final EnrolmentLimits limits;
    private final SourceRate rate;
    private final RefusalSummary refusals;

    /**
     * @param disconnect ends a revoked kiosk's broker session (the embedded broker's), or does nothing
     * @param limits what one source may use of the open enrolment endpoint
     */
    public Enrolments(DataSource dataSource, SiteCa ca, ConfigSigningKey configKey, AuditLog audit, Clock clock,
            Consumer<KioskAddress> disconnect, EnrolmentLimits limits) {
        this.limits = limits;
        this.rate = new SourceRate(limits.requestsPerMinutePerSource(), clock);
        this.refusals = new RefusalSummary(audit, "ENROL_REQUESTS_REFUSED", REFUSAL_WINDOW, clock);
        this.dataSource = dataSource;
        this.ca = ca;
        this.tokens = new BootstrapTokens(new PgBootstrapTokenStore(dataSource), clock, new SecureRandom());
        this.configKey = configKey;
        this.audit = audit;
        this.clock = clock;
        this.disconnect = disconnect;
    }

    /** Writes the summaries of refused requests still being counted. */
    @Override
    public void close() {
        refusals.close();
    }

    /** The site CA. */
    public SiteCa siteCa() {
        return ca;
    }

    /** The configuration signing key. */
    public ConfigSigningKey configKey() {
        return configKey;
    }

    /**
     * A kiosk's request from {@code source} (its address, {@link fr.vigie.hub.http.SourceAddress}). With
     * a valid bootstrap token it is approved and issued at once; otherwise it waits for IT. The same key
     * asking again gets its waiting request back; another key asking for the same kiosk id waits beside
     * it (a conflict IT resolves by approving the code the real kiosk shows), cancelling nothing.
     *
     * @throws EnrolmentRefused 429 {@code ENROLMENT_RATE_LIMITED} (with the wait), {@code ENROLMENT_SOURCE_QUEUE_FULL}
     *     or {@code ENROLMENT_QUEUE_FULL}, counted per source in the audit log ({@code ENROL_REQUESTS_REFUSED});
     *     {@code TOKEN_*}, {@code CSR_*}, {@code ENROLMENT_CODE_MISMATCH}
     */
    public EnrolmentView submit(EnrolmentRequest request, String source) throws EnrolmentRefused, SQLException {
        Optional<Duration> wait = rate.take(source);
        if (wait.isPresent()) {
            throw counted(source, new EnrolmentRefused(EnrolmentError.ENROLMENT_RATE_LIMITED, "more than "
                    + limits.requestsPerMinutePerSource() + " enrolment requests a minute from " + source, wait.get()));
        }
        DeviceCsr csr = checked(request);
        KioskAddress kiosk = request.kiosk();
        if (request.bootstrapToken().isPresent()) {
            String tokenId = request.bootstrapToken().get().split("\\.", 2)[0];
            try {
                tokens.redeem(request.bootstrapToken().get(), kiosk);
            } catch (ProvisioningException e) {
                throw counted(source, refused(e));
            }
            return Transactions.run(dataSource, c -> {
                UUID id = UUID.randomUUID();
                EnrolmentRows.insert(c, id, kiosk.site(), kiosk.kioskId(), request.enrolmentCode(), request.csrPem(),
                        clock.instant(), source);
                audit.append(c, AuditEntry.of(AuditEntry.kiosk(kiosk), "ENROL_REQUESTED", AuditEntry.kiosk(kiosk),
                        Map.of("enrolmentId", id.toString(), "enrolmentCode", request.enrolmentCode(), "source", source)));
                return issue(c, id, kiosk, csr, "bootstrap-token:" + tokenId, "bootstrap-token");
            });
        }
        try {
            return Transactions.run(dataSource, c -> waitForIt(c, request, source));
        } catch (EnrolmentRefused e) {
            throw e.status() == 429 ? counted(source, e) : e;
        }
    }

    private EnrolmentView waitForIt(Connection c, EnrolmentRequest request, String source)
            throws SQLException, EnrolmentRefused {
        KioskAddress kiosk = request.kiosk();
        EnrolmentRows.lockSource(c, source);
        Optional<EnrolmentView> same = EnrolmentRows.pendingOf(c, kiosk.site(), kiosk.kioskId(), request.enrolmentCode());
        if (same.isPresent()) {
            return same.get();
        }
        if (EnrolmentRows.countPendingFrom(c, source) >= limits.maxPendingPerSource()) {
            throw new EnrolmentRefused(EnrolmentError.ENROLMENT_SOURCE_QUEUE_FULL, limits.maxPendingPerSource()
                    + " enrolment requests from " + source + " already wait for IT");
        }
        if (EnrolmentRows.countPending(c) >= limits.maxPending()) {
            throw new EnrolmentRefused(EnrolmentError.ENROLMENT_QUEUE_FULL, limits.maxPending()
                    + " enrolment requests already wait for IT");
        }
        UUID id = UUID.randomUUID();
        EnrolmentRows.insert(c, id, kiosk.site(), kiosk.kioskId(), request.enrolmentCode(), request.csrPem(),
                clock.instant(), source);
        EnrolmentView v = EnrolmentRows.find(c, id, false).orElseThrow();
        audit.append(c, AuditEntry.of(AuditEntry.kiosk(kiosk), "ENROL_REQUESTED", AuditEntry.kiosk(kiosk),
                Map.of("enrolmentId", id.toString(), "enrolmentCode", request.enrolmentCode(), "source", source,
                        "conflicts", Integer.toString(v.conflicts()))));
        if (v.conflicts() > 0) {
            LOG.warn("enrolment {} of kiosk {} (code {}, from {}) waits beside {} other request(s) for the same kiosk"
                    + " id: IT approves the one whose code the kiosk shows", id, kiosk, request.enrolmentCode(), source,
                    v.conflicts());
        } else {
            LOG.info("enrolment {} of kiosk {} waits for IT: code {}, from {}", id, kiosk, request.enrolmentCode(),
                    source);
        }
        return v;
    }

    /** {@code e}, counted in the summary of refused requests of {@code source}. */
    private EnrolmentRefused counted(String source, EnrolmentRefused e) {
        refusals.count(source, e.code());
        return e;
    }

    /**
     * IT approves a waiting request, having checked that {@code enrolmentCode} is the one the kiosk
     * shows (typed in any case, with or without its hyphen: {@link EnrolmentCodes}); the certificate and
     * first configuration are issued at once, and the other requests waiting for the same kiosk id are
     * closed as {@code SUPERSEDED}.
     */
    public EnrolmentView approve(UUID id, String enrolmentCode, String actor) throws EnrolmentRefused, SQLException {
        return Transactions.run(dataSource, c -> {
            EnrolmentView v = pending(c, id);
            if (!v.enrolmentCode().equals(EnrolmentCodes.normalise(enrolmentCode))) {
                throw new EnrolmentRefused(409, ProvisioningError.ENROLMENT_CODE_MISMATCH.name(), "code '"
                        + enrolmentCode + "' is not the code of enrolment " + id + ": compare with the kiosk's screen");
            }
            KioskAddress kiosk = KioskAddress.of(v.site(), v.kioskId());
            DeviceCsr csr;
            try {
                csr = DeviceCsr.parse(EnrolmentRows.csrOf(c, id));
            } catch (ProvisioningException e) {
                throw refused(e);
            }
            return issue(c, id, kiosk, csr, AuditEntry.staff(actor), "approval");
        });
    }

    /** IT rejects a waiting request; the kiosk shows the reason. */
    public EnrolmentView reject(UUID id, String reason, String actor) throws EnrolmentRefused, SQLException {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw new EnrolmentRefused(EnrolmentError.INVALID_PARAMETER, "a rejection needs a reason of 1 to 200 characters");
        }
        return Transactions.run(dataSource, c -> {
            EnrolmentView v = pending(c, id);
            EnrolmentRows.reject(c, id, AuditEntry.staff(actor), clock.instant(), reason.strip());
            audit.append(c, AuditEntry.of(AuditEntry.staff(actor), "ENROL_REJECTED",
                    AuditEntry.kiosk(KioskAddress.of(v.site(), v.kioskId())),
                    Map.of("enrolmentId", id.toString(), "reason", reason.strip())));
            return EnrolmentRows.find(c, id, false).orElseThrow();
        });
    }

    /** The request, for its kiosk's polling and for IT. */
    public EnrolmentView find(UUID id) throws EnrolmentRefused, SQLException {
        try (Connection c = dataSource.getConnection()) {
            return EnrolmentRows.find(c, id, false).orElseThrow(() -> unknown(id));
        }
    }

    /** The chain and first configuration (protocol JSON) of an issued request. */
    Optional<EnrolmentRows.Issued> issued(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return EnrolmentRows.issued(c, id);
        }
    }

    /** The latest requests, newest first, optionally of one status. */
    public List<EnrolmentView> list(EnrolmentStatus status, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return EnrolmentRows.list(c, status, limit);
        }
    }

    /** Issues a one-time bootstrap token for {@code kiosk}; its value is returned once, never stored. */
    public BootstrapToken issueToken(KioskAddress kiosk, Duration ttl, String actor) throws EnrolmentRefused, SQLException {
        if (!kiosk.site().equals(ca.settings().site())) {
            throw new EnrolmentRefused(400, ProvisioningError.CSR_SUBJECT_MISMATCH.name(), "kiosk " + kiosk
                    + " is not of site '" + ca.settings().site() + "'");
        }
        BootstrapToken t;
        try {
            t = tokens.issue(kiosk, ttl);
        } catch (IllegalArgumentException e) {
            throw new EnrolmentRefused(EnrolmentError.INVALID_PARAMETER, e.getMessage());
        }
        audit.append(AuditEntry.of(AuditEntry.staff(actor), "BOOTSTRAP_TOKEN_ISSUED", AuditEntry.kiosk(kiosk),
                Map.of("tokenId", t.id(), "expiresAt", t.expiresAt().toString())));
        return t;
    }

    /**
     * Revokes every unrevoked certificate of {@code kiosk}, publishes the new CRL and disconnects the
     * kiosk from the embedded broker.
     *
     * @return the revoked serials (hex)
     */
    public List<String> revoke(KioskAddress kiosk, RevocationReason reason, String actor)
            throws EnrolmentRefused, SQLException {
        List<String> serials = Transactions.run(dataSource, c -> {
            List<BigInteger> live = DeviceCertificateRows.unrevoked(c, kiosk, null);
            if (live.isEmpty()) {
                throw new EnrolmentRefused(404, EnrolmentRefused.DEVICE_UNKNOWN, "kiosk " + kiosk
                        + " has no certificate to revoke");
            }
            revokeAll(c, live, reason);
            List<String> hex = live.stream().map(s -> s.toString(16)).toList();
            audit.append(c, AuditEntry.of(AuditEntry.staff(actor), "DEVICE_REVOKED", AuditEntry.kiosk(kiosk),
                    Map.of("serials", String.join(",", hex), "reason", reason.name())));
            return hex;
        });
        LOG.warn("kiosk {} revoked ({}): certificates {}", kiosk, reason, serials);
        disconnect.accept(kiosk);
        return serials;
    }

    /**
     * Issues a new certificate to an enrolled kiosk for the key of {@code csrPem} (rotation or
     * renewal). The current certificate stays valid until the kiosk reports the new one installed.
     *
     * @return the new chain, PEM
     */
    public String renew(KioskAddress caller, String csrPem) throws EnrolmentRefused, SQLException {
        DeviceCsr csr;
        X509Certificate cert;
        try {
            csr = DeviceCsr.parse(csrPem);
            cert = ca.issueDevice(csr, caller);
        } catch (ProvisioningException e) {
            throw refused(e);
        }
        return Transactions.run(dataSource, c -> {
            DeviceCertificateRows.insert(c, caller, cert, clock.instant(), "RENEWAL");
            audit.append(c, AuditEntry.of(AuditEntry.kiosk(caller), "CERT_ROTATED", AuditEntry.kiosk(caller),
                    Map.of("serial", DeviceCertificateRows.serial(cert), "enrolmentCode", csr.enrolmentCode())));
            return ca.chainPem(cert);
        });
    }

    /** The kiosk now uses {@code current}: its other certificates are revoked as superseded. */
    public int installed(KioskAddress caller, X509Certificate current) throws SQLException {
        return Transactions.run(dataSource, c -> {
            List<BigInteger> older = DeviceCertificateRows.unrevoked(c, caller, DeviceCertificateRows.serial(current));
            revokeAll(c, older, RevocationReason.SUPERSEDED);
            return older.size();
        });
    }

    private void revokeAll(Connection c, List<BigInteger> serials, RevocationReason reason) throws SQLException {
        Instant now = clock.instant();
        for (BigInteger s : serials) {
            DeviceCertificateRows.revoked(c, s, now, reason.name());
            try {
                ca.revoke(s, reason);
            } catch (IOException e) {
                throw new SQLException("cannot publish the CRL revoking " + s.toString(16) + ": " + e, e);
            }
        }
    }

    private EnrolmentView issue(Connection c, UUID id, KioskAddress kiosk, DeviceCsr csr, String by, String via)
            throws SQLException, EnrolmentRefused {
        X509Certificate cert;
        try {
            cert = ca.issueDevice(csr, kiosk);
        } catch (ProvisioningException e) {
            throw refused(e);
        }
        ConfigBundle first = ConfigRollouts.firstBundle(c, configKey.signer(), kiosk);
        Instant now = clock.instant();
        EnrolmentRows.issue(c, id, by, now, DeviceCertificateRows.serial(cert), ca.chainPem(cert),
                new String(CODEC.encode(first), StandardCharsets.UTF_8));
        DeviceCertificateRows.insert(c, kiosk, cert, now, "ENROLMENT");
        audit.append(c, AuditEntry.of(by.startsWith("bootstrap-token:") ? AuditEntry.HUB : by, "ENROL_APPROVED",
                AuditEntry.kiosk(kiosk), Map.of("enrolmentId", id.toString(), "via", via,
                        "serial", DeviceCertificateRows.serial(cert), "decidedBy", by)));
        LOG.info("enrolment {} of kiosk {} approved by {}: certificate {}", id, kiosk, by,
                DeviceCertificateRows.serial(cert));
        supersedeOthers(c, id, kiosk, by, now);
        return EnrolmentRows.find(c, id, false).orElseThrow();
    }

    /** Closes the other requests waiting for {@code kiosk}'s id: the approved key is the kiosk now. */
    private void supersedeOthers(Connection c, UUID approved, KioskAddress kiosk, String by, Instant now)
            throws SQLException {
        String actor = by.startsWith("bootstrap-token:") ? AuditEntry.HUB : by;
        for (EnrolmentView other : EnrolmentRows.pendingFor(c, kiosk.site(), kiosk.kioskId())) {
            if (other.id().equals(approved)) {
                continue;
            }
            EnrolmentRows.reject(c, other.id(), by, now, EnrolmentApi.SUPERSEDED);
            Map<String, String> details = new java.util.TreeMap<>(Map.of("enrolmentId", other.id().toString(),
                    "enrolmentCode", other.enrolmentCode(), "supersededBy", approved.toString(), "decidedBy", by));
            if (other.source() != null) {
                details.put("source", other.source());
            }
            audit.append(c, AuditEntry.of(actor, "ENROL_SUPERSEDED", AuditEntry.kiosk(kiosk), details));
            LOG.warn("enrolment {} of kiosk {} (code {}) closed as superseded: {} approved enrolment {}", other.id(),
                    kiosk, other.enrolmentCode(), by, approved);
        }
    }

    private DeviceCsr checked(EnrolmentRequest request) throws EnrolmentRefused {
        if (!request.kiosk().site().equals(ca.settings().site())) {
            throw new EnrolmentRefused(EnrolmentError.CSR_SUBJECT_MISMATCH, "kiosk " + request.kiosk()
                    + " is not of site '" + ca.settings().site() + "' that this hub serves");
        }
        try {
            return EnrolmentChecks.checkedCsr(request);
        } catch (ProvisioningException e) {
            throw refused(e);
        }
    }

    private static EnrolmentView pending(Connection c, UUID id) throws SQLException, EnrolmentRefused {
        EnrolmentView v = EnrolmentRows.find(c, id, true).orElseThrow(() -> unknown(id));
        if (v.status() != EnrolmentStatus.PENDING) {
            throw new EnrolmentRefused(409, EnrolmentRefused.ALREADY_DECIDED, "enrolment " + id + " is already "
                    + v.status());
        }
        return v;
    }

    private static EnrolmentRefused unknown(UUID id) {
        return new EnrolmentRefused(EnrolmentError.ENROLMENT_UNKNOWN, "no enrolment request " + id);
    }

    /**
     * The refusal of a token, CSR or issuance check: the device API's {@link EnrolmentError} of the same name
     * (403 for a token or a CSR naming another kiosk, 400 for a bad CSR).
     */
    static EnrolmentRefused refused(ProvisioningException e) {
        for (EnrolmentError code : EnrolmentError.values()) {
            if (code.name().equals(e.error().name())) {
                return new EnrolmentRefused(code, e.getMessage());
            }
        }
        return new EnrolmentRefused(400, e.error().name(), e.getMessage());
    }
}
