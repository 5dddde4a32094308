package fr.vigie.kiosk.admission;

import fr.vigie.hardware.barcode.ApcvToken;
import fr.vigie.hardware.barcode.BarcodeRejectedException;
import fr.vigie.hardware.barcode.EPrescription;
import fr.vigie.hardware.barcode.InsDataMatrix;
import fr.vigie.hardware.barcode.PayloadClassifier;
import fr.vigie.hardware.barcode.ScannedCode;
import fr.vigie.hardware.barcode.ScannedPayload;
import fr.vigie.hardware.card.VitaleBeneficiary;
import fr.vigie.hardware.card.VitaleCard;
import fr.vigie.hardware.print.InsLabel;
import fr.vigie.hardware.print.IppPrinter;
import fr.vigie.hardware.print.PrintException;
import fr.vigie.hardware.print.PrintJob;
import fr.vigie.kiosk.outbox.OutboxFullException;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.device.AgentError;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.protocol.identity.TraitsVerdict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admission desk workflow at a kiosk, for the agent signed in (the {@link ClinicianSession} must
 * be {@link SessionState#OPEN}) and proven to the hub ({@link AgentProof}: the hub names the agent of
 * every step, the kiosk never does): find the patient's identity from the Vitale card (choose the
 * beneficiary), from typed traits (checked with {@link StrictTraits} before anything is sent) or from
 * a scanned ApCV QR code, through the hub; show what came back and the differences; record the
 * high-trust document checked (→ QUAL); attach scanned e-prescriptions to the visit (an event through
 * the outbox, naming the patient by record id); give the INS DataMatrix of a qualified identity and print
 * its patient label ({@link InsLabel}) on the desk's label printer over IPP.
 * Thread-safe: steps are serialised (a label is drawn in turn, then sent without holding the desk). Moving to the
 * next patient ({@link #nextPatient}) never waits for the desk: the session calls it under its own lock when another
 * agent comes in front, while a step holding the desk may be waiting for the session (the card signs the hub's
 * nonce). It starts a new turn instead; what a step of an earlier turn finds is refused, never kept or shown.
 *
 * <pre>{@code
 * AdmissionDesk desk = new AdmissionDesk(session, client, proof, kiosk::accept, PayloadClassifier.standard(clock), clock,
 *         Optional.of(IppPrinter.at(URI.create("ipp://localhost:631/printers/etiquettes"), "accueil-2")));
 * Admitted a = desk.typed(TraitsInput.of("Dupont", "Marie Claire", "F", "1980-05-12"));
 * desk.documentChecked(HighTrustDocument.PASSPORT);
 * String svg = desk.dataMatrixSvg();
 * desk.printLabel();
 * }</pre>
 */
public final class AdmissionDesk {
    /** The desk has no label printer ({@code kiosk.label-printer}). */
    public static final String PRINTER_NOT_CONFIGURED = "PRINTER_NOT_CONFIGURED";
    private static final Logger LOG = LoggerFactory.getLogger(AdmissionDesk.class);
    private final ClinicianSession session;
    private final AdmissionClient hub;
    private final AgentProof proof;
    private final VisitEvents visits;
    private final PayloadClassifier classifier;
    private final Clock clock;
    private final Optional<IppPrinter> labelPrinter;
    /** The desk's turn: one per agent's run of patients; {@link #patient} and {@link #card} belong to {@link #heldTurn}. */
    private final AtomicLong turn = new AtomicLong();
    private long heldTurn = -1;
    private Admitted patient;
    private VitaleCard.Content card;

    /** A desk without a label printer. */
    public AdmissionDesk(ClinicianSession session, AdmissionClient hub, AgentProof proof, VisitEvents visits,
            PayloadClassifier classifier, Clock clock) {
        this(session, hub, proof, visits, classifier, clock, Optional.empty());
    }

    /** A desk printing labels on {@code labelPrinter}, if any. */
    public AdmissionDesk(ClinicianSession session, AdmissionClient hub, AgentProof proof, VisitEvents visits,
            PayloadClassifier classifier, Clock clock, Optional<IppPrinter> labelPrinter) {
        this.labelPrinter = Objects.requireNonNull(labelPrinter, "labelPrinter");
        this.session = Objects.requireNonNull(session, "session");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.proof = Objects.requireNonNull(proof, "proof");
        this.visits = Objects.requireNonNull(visits, "visits");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The patient found so far, if any. */
    public synchronized Optional<Admitted> patient() {
        return heldTurn == turn.get() ? Optional.ofNullable(patient) : Optional.empty();
    }

    /** Starts over with the next patient, at once (see the class comment). */
    public void nextPatient() {
        turn.incrementAndGet();
    }

    /** A Vitale card was read: its beneficiaries, for the agent to choose one. */
    public synchronized List<VitaleBeneficiary> vitaleRead(VitaleCard.Content content) throws AdmissionFailure {
        long at = turn.get();
        agent();
        hold(at, heldTurn == at ? patient : null, Objects.requireNonNull(content, "content"));
        return content.beneficiaries();
    }

    /** The agent chose beneficiary {@code index} of the card read: INSi through the hub. */
    public synchronized Admitted chooseBeneficiary(int index) throws AdmissionFailure {
        long at = turn.get();
        agent();
        VitaleCard.Content card = heldTurn == at ? this.card : null;
        if (card == null || index < 0 || index >= card.beneficiaries().size()) {
            throw new AdmissionFailure(AdmissionFailure.NO_SUCH_BENEFICIARY, "read a Vitale card and choose one of its"
                    + " beneficiaries");
        }
        VitaleBeneficiary chosen = card.beneficiaries().get(index);
        VitaleCard.Content read = card;
        return found(at, asProvenAgent(() -> hub.vitale(current(), read, chosen)));
    }

    /** Typed traits: refused here when a trait is invalid (nothing is sent), else INSi through the hub. */
    public synchronized Admitted typed(TraitsInput input) throws AdmissionFailure {
        long at = turn.get();
        agent();
        TraitsVerdict verdict = StrictTraits.check(input, LocalDate.now(clock));
        if (!verdict.accepted()) {
            throw new AdmissionFailure(AdmissionFailure.TRAITS_INVALID, "correct the traits shown",
                    verdict.rejections());
        }
        StrictTraits traits = verdict.traits().orElseThrow();
        return found(at, asProvenAgent(() -> hub.traits(current(), traits)));
    }

    /**
     * A code was scanned: an ApCV token qualifies the patient through the hub; an e-prescription is
     * attached to the current patient's visit. Anything else is refused with a code.
     */
    public synchronized Admitted scanned(ScannedCode code) throws AdmissionFailure {
        long at = turn.get();
        String agent = agent();
        ScannedPayload payload;
        try {
            payload = classifier.classify(code);
        } catch (BarcodeRejectedException e) {
            throw new AdmissionFailure(e.error().name(), e.getMessage());
        }
        if (payload instanceof ApcvToken token) {
            return found(at, asProvenAgent(() -> hub.apcv(current(), ApcvToken.PREFIX + token.jws())));
        }
        if (payload instanceof EPrescription rx) {
            Admitted p = requirePatient();
            try {
                visits.accept(new EventPayload.PrescriptionScanned(p.recordId(), rx.number(), agent));
            } catch (OutboxFullException e) {
                throw new AdmissionFailure("OUTBOX_FULL", "the kiosk's outbox is full: the prescription was not recorded");
            }
            return p;
        }
        throw new AdmissionFailure(AdmissionFailure.BARCODE_UNKNOWN, "a " + payload.kind()
                + " is not used at admission: scan the ApCV QR code or an e-prescription");
    }

    /** The agent checked the traits against a high-trust document. */
    public synchronized Admitted documentChecked(HighTrustDocument document) throws AdmissionFailure {
        long at = turn.get();
        agent();
        long recordId = requirePatient().recordId();
        return found(at, asProvenAgent(() -> hub.document(recordId, document)));
    }

    /** Why the agent could not be proven to the hub for the open session, if that failed (for the screens). */
    public Optional<AdmissionFailure> proofRefusal() {
        return proof.refusal();
    }

    /** Calls {@code listener} when the proof of the agent changes (proven, refused, dropped). */
    public void onProofChange(Runnable listener) {
        proof.addListener(listener);
    }

    /** The current patient's INS DataMatrix as SVG (millimetres), for the screen. */
    public synchronized String dataMatrixSvg() throws AdmissionFailure {
        return insDataMatrix(requirePatient()).symbol().toSvg(InsLabel.MAX_MODULE_MM, "mm");
    }

    /**
     * Prints the current patient's label (INS DataMatrix and traits) on the desk's label printer, for the agent
     * signed in.
     *
     * @throws AdmissionFailure {@link #PRINTER_NOT_CONFIGURED} without a printer, {@link AdmissionFailure#NOT_QUALIFIED}
     *     for an identity that is not qualified, or the printer's {@link fr.vigie.hardware.print.PrintError} code
     *     ({@code PRINTER_UNREACHABLE}, {@code PRINTER_STOPPED}…) when the label did not go
     */
    public PrintJob printLabel() throws AdmissionFailure {
        long recordId;
        byte[] pdf;
        IppPrinter printer;
        synchronized (this) {
            if (session.state() != SessionState.OPEN) {
                throw new AdmissionFailure(AdmissionFailure.AGENT_NOT_SIGNED_IN, "an agent must be signed in");
            }
            Admitted p = requirePatient();
            InsDataMatrix ins = insDataMatrix(p);
            printer = labelPrinter.orElseThrow(() -> new AdmissionFailure(PRINTER_NOT_CONFIGURED, "this desk has no label"
                    + " printer (kiosk.label-printer)"));
            recordId = p.recordId();
            pdf = InsLabel.of(ins).toPdf();
        }
        try {
            PrintJob job = printer.print("vigie-ins-label", pdf, "application/pdf");
            LOG.info("INS label of record {} sent to {} as job {}", recordId, printer.uri(), job.id());
            return job;
        } catch (PrintException e) {
            LOG.warn("INS label of record {} not printed: {}", recordId, e.toString());
            throw new AdmissionFailure(e.error().name(), e.getMessage());
        }
    }

    /** The INS DataMatrix of a qualified identity: the full matricule is held for those only. */
    private static InsDataMatrix insDataMatrix(Admitted p) throws AdmissionFailure {
        if (p.status() != RnivStatus.QUAL || p.matricule().isEmpty() || p.oid().isEmpty()) {
            throw new AdmissionFailure(AdmissionFailure.NOT_QUALIFIED, "the INS is printed for a qualified identity only");
        }
        try {
            return InsDataMatrix.encode(InsMatricule.parse(p.matricule().get()), p.oid().get(), p.traits(), p.status());
        } catch (IdentityException | BarcodeRejectedException e) {
            throw new AdmissionFailure("INS_DM_REFUSED", "the INS DataMatrix cannot be made: " + e.getMessage());
        }
    }

    /**
     * Keeps what a step found for the turn it started in; a step of an earlier turn (the session changed hands
     * meanwhile) is refused: its patient is the previous agent's.
     */
    private Admitted found(long at, Admitted a) throws AdmissionFailure {
        hold(at, a, heldTurn == at ? card : null);
        return a;
    }

    private void hold(long at, Admitted found, VitaleCard.Content read) throws AdmissionFailure {
        if (turn.get() != at) {
            throw new AdmissionFailure(AdmissionFailure.AGENT_NOT_SIGNED_IN, "the session changed hands during this"
                    + " step: its result is not kept");
        }
        heldTurn = at;
        patient = found;
        card = read;
    }

    /**
     * Searches never name a record: the hub uses the record already holding the INS found, or makes
     * one. Naming the previous patient's record would let a search for the next patient overwrite it.
     */
    private static OptionalLong current() {
        return OptionalLong.empty();
    }

    private Admitted requirePatient() throws AdmissionFailure {
        if (patient == null || heldTurn != turn.get()) {
            throw new AdmissionFailure(AdmissionFailure.NO_PATIENT, "find the patient's identity first");
        }
        return patient;
    }

    /** The agent proven to the hub for the open session (proving it now if needed). */
    private String agent() throws AdmissionFailure {
        if (session.state() != SessionState.OPEN || session.idNatPs().isEmpty()) {
            throw new AdmissionFailure(AdmissionFailure.AGENT_NOT_SIGNED_IN, "an agent must be signed in with a CPS card");
        }
        return proof.require();
    }

    private interface HubStep {
        Admitted run() throws AdmissionFailure;
    }

    /**
     * Runs a hub step; when the hub no longer knows the agent as proven (binding expired or ended there),
     * proves again once and retries: the hub refused before doing anything.
     */
    private Admitted asProvenAgent(HubStep step) throws AdmissionFailure {
        try {
            return step.run();
        } catch (AdmissionFailure e) {
            if (!e.is(AgentError.AGENT_NOT_PROVEN)) {
                throw e;
            }
            proof.lost();
            agent();
            return step.run();
        }
    }
}
