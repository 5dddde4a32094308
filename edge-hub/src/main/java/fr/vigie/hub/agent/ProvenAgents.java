package fr.vigie.hub.agent;

import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.device.DeviceRole;
import fr.vigie.hub.device.DeviceRoles;
import fr.vigie.hub.deviceapi.DeviceRefused;
import fr.vigie.hub.igcsante.CardCertificates;
import fr.vigie.protocol.device.AgentApi;
import fr.vigie.protocol.device.AgentError;
import fr.vigie.protocol.device.DeviceError;
import fr.vigie.protocol.device.EndReason;
import fr.vigie.protocol.device.ProofMethod;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.provisioning.igcsante.ProfessionalCertificate;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who acts at a kiosk, proven: the hub's side of the agent proof. An admission desk (declared by IT in
 * {@link DeviceRoles}) asks for a one-time {@linkplain #nonce nonce}; the agent's CPS card signs it with
 * its authentication key; {@link #proveWithCard} uses the nonce up, checks the signature with the card
 * certificate presented, validates that certificate against IGC-Santé ({@link CardCertificates}) and
 * binds the idNat_PS it names to the kiosk session ({@link AgentBinding}, in PostgreSQL) until the kiosk
 * {@linkplain #end ends} it (lock, close), another proof replaces it, or {@link #MAX_BINDING} (or the
 * certificate's expiry) passes. {@link #proveThroughPsc} binds instead the professional of a Pro Santé
 * Connect sign-in bound to that kiosk session. Admission routes then take their agent from
 * {@link #require}, never from the request.
 *
 * <p>Every refusal is a {@link DeviceRefused} with a stable {@link AgentError} code; bindings,
 * unbindings and refused proofs are in the hash-chained audit log. No nonce, signature or certificate
 * content reaches a log. Thread-safe.
 *
 * <pre>{@code
 * var issued = agents.nonce(kiosk, "session-1");                       // the card signs issued.nonce()
 * agents.proveWithCard(kiosk, new CardProof(issued.nonce(), signature, cardCert, intermediates));
 * IdNatPs who = agents.require(kiosk, AdmissionApi.TRAITS.template()).agent();
 * agents.end(kiosk, "session-1", EndReason.LOCKED);
 * }</pre>
 */
public final class ProvenAgents {
    /** The longest an agent stays bound without proving again: a long shift. */
    public static final Duration MAX_BINDING = Duration.ofHours(12);
    /** Audit action of a proof the hub refused. */
    public static final String PROOF_REFUSED = "AGENT_PROOF_REFUSED";
    /** Audit action of a call refused because the kiosk is no desk or has no proven agent. */
    public static final String CALL_REFUSED = "AGENT_REQUIRED_REFUSED";
    private static final Logger LOG = LoggerFactory.getLogger(ProvenAgents.class);

    /** A nonce for the agent's card to sign, and until when it may be presented. */
    public record Nonce(byte[] value, Instant expiresAt) {
        public Nonce {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    private final DeviceRoles roles;
    private final AgentNonces nonces;
    private final AgentBindings bindings;
    private final CardCertificates certificates;
    private final PscSessions psc;
    private final AuditLog audit;
    private final Clock clock;

    private ProvenAgents(DataSource dataSource, AuditLog audit, CardCertificates certificates, PscSessions psc,
            Clock clock, SecureRandom random) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.psc = Objects.requireNonNull(psc, "psc");
        this.nonces = new AgentNonces(dataSource, clock, random);
        this.bindings = new AgentBindings(dataSource, audit, clock);
        this.roles = new DeviceRoles(dataSource, audit, clock, (c, kiosk) -> bindings.endAny(c, kiosk, "ROLE_REMOVED"));
    }

    /** The service over the hub database; {@code psc} tells which PSC sign-ins are bound to kiosk sessions. */
    public static ProvenAgents create(DataSource dataSource, AuditLog audit, CardCertificates certificates,
            PscSessions psc, Clock clock, SecureRandom random) {
        return new ProvenAgents(Objects.requireNonNull(dataSource, "dataSource"), audit, certificates, psc, clock,
                Objects.requireNonNull(random, "random"));
    }

    /** The kiosks' roles, IT's declaration of admission desks (taking the role away ends the binding there). */
    public DeviceRoles roles() {
        return roles;
    }

    /**
     * A one-time nonce for {@code kiosk}'s session {@code kioskSessionId}.
     *
     * @throws DeviceRefused {@code NOT_AN_ADMISSION_DESK}, {@code AGENT_NONCE_TOO_MANY}
     */
    public Nonce nonce(KioskAddress kiosk, String kioskSessionId) throws DeviceRefused, SQLException {
        requireDesk(kiosk, AgentApi.NONCE.template());
        AgentNonces.Issued issued = nonces.issue(kiosk, kioskSessionId);
        return new Nonce(issued.nonce(), issued.expiresAt());
    }

    /**
     * Checks a card's signature over a nonce of this kiosk and binds the agent its certificate names to the
     * kiosk session the nonce was issued for.
     *
     * @throws DeviceRefused {@code NOT_AN_ADMISSION_DESK}, {@code AGENT_NONCE_*}, {@code AGENT_SIGNATURE_INVALID},
     *     {@code AGENT_CERT_*} / {@code AGENT_CRL_*}
     */
    public AgentBinding proveWithCard(KioskAddress kiosk, CardProof proof) throws DeviceRefused, SQLException {
        requireDesk(kiosk, AgentApi.PROOF.template());
        ProvenCard card = checkCard(kiosk, proof);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(MAX_BINDING).isBefore(card.notAfter()) ? now.plus(MAX_BINDING) : card.notAfter();
        AgentBinding b = new AgentBinding(kiosk, card.kioskSessionId(), card.professional(), ProofMethod.CARD,
                Optional.of(card.certificate().serial()), now, expiresAt);
        bindings.bind(b, AgentBindings.Work.NONE);
        LOG.info("agent {} proven by card (certificate {}) at kiosk {} session {} until {}", b.agent(),
                card.certificate().serial(), kiosk, b.kioskSessionId(), expiresAt);
        return b;
    }

    /**
     * A one-time nonce for the card of the clinician signing in at {@code kiosk}'s session {@code kioskSessionId},
     * on any kiosk (workstation or desk): for features that need to know who is really signed in at a kiosk
     * without making them its admission agent (single sign-on). Checked by {@link #checkCard}.
     *
     * @throws DeviceRefused {@code AGENT_NONCE_TOO_MANY}
     */
    public Nonce signInNonce(KioskAddress kiosk, String kioskSessionId) throws DeviceRefused, SQLException {
        AgentNonces.Issued issued = nonces.issue(kiosk, kioskSessionId);
        return new Nonce(issued.nonce(), issued.expiresAt());
    }

    /**
     * The card proof {@link #proveWithCard} checks, on any kiosk and without binding an agent: uses the nonce
     * up, checks the signature with the certificate presented and validates that certificate against
     * IGC-Santé. Refusals are audited ({@value #PROOF_REFUSED}) as for an agent proof.
     *
     * @throws DeviceRefused {@code AGENT_NONCE_*}, {@code AGENT_SIGNATURE_INVALID}, {@code AGENT_CERT_*} /
     *     {@code AGENT_CRL_*}
     */
    public ProvenCard checkCard(KioskAddress kiosk, CardProof proof) throws DeviceRefused, SQLException {
        String serial = proof.certificate().getSerialNumber().toString(16);
        try {
            String session = nonces.consume(kiosk, proof.nonce());
            if (!signedBy(proof)) {
                throw new DeviceRefused(AgentError.AGENT_SIGNATURE_INVALID, "the signature does not verify with"
                        + " the certificate presented: the card that signed is not that certificate's");
            }
            ProfessionalCertificate who;
            try {
                who = certificates.validate(proof.certificate(), proof.chain());
            } catch (ProvisioningException e) {
                throw new DeviceRefused(certificateRefusal(e.error()), e.getMessage());
            }
            return new ProvenCard(session, idNatPs(who.idNatPs()), who,
                    proof.certificate().getNotAfter().toInstant());
        } catch (DeviceRefused e) {
            refused(kiosk, ProofMethod.CARD, e.error(), Optional.of(serial));
            throw e;
        }
    }

    /**
     * A card that signed a nonce of the hub and whose certificate passed IGC-Santé.
     *
     * @param kioskSessionId the kiosk session the nonce was issued for
     * @param professional the holder
     * @param certificate the validated certificate's facts (names, serial)
     * @param notAfter the certificate's expiry
     */
    public record ProvenCard(String kioskSessionId, IdNatPs professional, ProfessionalCertificate certificate,
            Instant notAfter) {
    }

    /**
     * Binds the professional of the Pro Santé Connect sign-in {@code cibaRequestId}, bound on this hub to
     * {@code kiosk}'s session {@code kioskSessionId}.
     *
     * @throws DeviceRefused {@code NOT_AN_ADMISSION_DESK}, {@code AGENT_PSC_NOT_BOUND}
     */
    public AgentBinding proveThroughPsc(KioskAddress kiosk, String kioskSessionId, String cibaRequestId)
            throws DeviceRefused, SQLException {
        requireDesk(kiosk, AgentApi.PSC_PROOF.template());
        Optional<IdNatPs> who = psc.boundProfessional(kiosk, cibaRequestId, kioskSessionId);
        if (who.isEmpty()) {
            refused(kiosk, ProofMethod.PSC, AgentError.AGENT_PSC_NOT_BOUND, Optional.empty());
            throw new DeviceRefused(AgentError.AGENT_PSC_NOT_BOUND, "no Pro Santé Connect sign-in of this"
                    + " kiosk session is bound on the hub");
        }
        Instant now = clock.instant();
        AgentBinding b = new AgentBinding(kiosk, kioskSessionId, who.get(), ProofMethod.PSC, Optional.empty(),
                now, now.plus(MAX_BINDING));
        bindings.bind(b, AgentBindings.Work.NONE);
        LOG.info("agent {} proven through Pro Santé Connect at kiosk {} session {}", b.agent(), kiosk, kioskSessionId);
        return b;
    }

    /**
     * {@code kiosk}'s session {@code kioskSessionId} locked or closed: its binding ends, and its unused nonces
     * can no longer be presented. A message about an older session leaves a newer binding alone.
     *
     * @return whether a binding ended
     */
    public boolean end(KioskAddress kiosk, String kioskSessionId, EndReason reason) throws SQLException {
        boolean ended = bindings.end(kiosk, kioskSessionId, reason.name(),
                c -> nonces.endSession(c, kiosk, kioskSessionId));
        if (ended) {
            LOG.info("agent binding of kiosk {} session {} ended: {}", kiosk, kioskSessionId, reason);
        }
        return ended;
    }

    /**
     * The agent proven at {@code kiosk} now, for a call to {@code path} that needs one.
     *
     * @throws DeviceRefused 403 {@code NOT_AN_ADMISSION_DESK}, or 403 {@code AGENT_NOT_PROVEN}
     */
    public AgentBinding require(KioskAddress kiosk, String path) throws DeviceRefused, SQLException {
        requireDesk(kiosk, path);
        Optional<AgentBinding> b = bindings.current(kiosk);
        if (b.isEmpty()) {
            callRefused(kiosk, AgentError.AGENT_NOT_PROVEN, path);
            throw new DeviceRefused(AgentError.AGENT_NOT_PROVEN, "no agent is proven at this kiosk: the agent's"
                    + " card must sign a hub nonce (or the session be bound through Pro Santé Connect) first");
        }
        return b.get();
    }

    /** The agent bound at {@code kiosk} now, if any (for the console and tests); no role check. */
    public Optional<AgentBinding> current(KioskAddress kiosk) throws SQLException {
        return bindings.current(kiosk);
    }

    private void requireDesk(KioskAddress kiosk, String path) throws DeviceRefused, SQLException {
        if (roles.of(kiosk) != DeviceRole.ADMISSION_DESK) {
            callRefused(kiosk, AgentError.NOT_AN_ADMISSION_DESK, path);
            throw new DeviceRefused(AgentError.NOT_AN_ADMISSION_DESK, "kiosk " + kiosk
                    + " is not declared as an admission desk on the hub (PUT /api/v1/devices/{site}/{kioskId}/role)");
        }
    }

    /** The card's answer must verify with the certificate's RSA key (PKCS#1 v1.5 over the raw nonce). */
    private static boolean signedBy(CardProof proof) {
        if (!(proof.certificate().getPublicKey() instanceof RSAPublicKey)) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initVerify(proof.certificate().getPublicKey());
            rsa.update(proof.nonce());
            return rsa.verify(proof.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static IdNatPs idNatPs(String validatedCn) {
        try {
            return IdNatPs.parse(validatedCn);
        } catch (IdentityException e) {
            throw new IllegalStateException("the IGC-Santé check accepted a CN that is not an idNat_PS", e);
        }
    }

    private void refused(KioskAddress kiosk, ProofMethod method, DeviceError code, Optional<String> serial) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("method", method.name());
        details.put("code", code.name());
        serial.ifPresent(s -> details.put("certificateSerial", s));
        append(AuditEntry.of(AuditEntry.kiosk(kiosk), PROOF_REFUSED, AuditEntry.kiosk(kiosk), details));
    }

    private void callRefused(KioskAddress kiosk, AgentError code, String path) {
        append(AuditEntry.of(AuditEntry.kiosk(kiosk), CALL_REFUSED, AuditEntry.kiosk(kiosk), Map.of("code", code.name(),
                "path", path)));
    }

    /** The refusal of a card certificate the IGC-Santé check refused with {@code check}. */
    static AgentError certificateRefusal(ProvisioningError check) {
        return AgentError.certificateRefusal(check.name()).orElseThrow(() -> new IllegalArgumentException(check
                + " is not a certificate check code"));
    }

    private void append(AuditEntry entry) {
        try {
            audit.append(entry);
        } catch (SQLException | RuntimeException e) {
            LOG.error("audit entry {} for {} not written", entry.action(), entry.subject(), e);
        }
    }
}
